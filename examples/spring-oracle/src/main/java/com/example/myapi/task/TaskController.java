package com.example.myapi.task;

import com.example.myapi.task.TaskDtos.CreateTaskRequest;
import com.example.myapi.task.TaskDtos.PageResponse;
import com.example.myapi.task.TaskDtos.TaskQuery;
import com.example.myapi.task.TaskDtos.TaskResponse;
import com.example.myapi.task.TaskDtos.UpdateTaskRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's own tasks; the owner is the subject of the bearer token. */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskController {

    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    public PageResponse<TaskResponse> list(@AuthenticationPrincipal Jwt jwt, @Valid TaskQuery query) {
        return tasks.list(ownerId(jwt), query);
    }

    @PostMapping
    public ResponseEntity<TaskResponse> create(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateTaskRequest request) {
        TaskResponse task = tasks.create(ownerId(jwt), request);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
    }

    @GetMapping("/{id}")
    public TaskResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return tasks.get(ownerId(jwt), id);
    }

    @PatchMapping("/{id}")
    public TaskResponse update(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody UpdateTaskRequest request) {
        return tasks.update(ownerId(jwt), id, request);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        tasks.delete(ownerId(jwt), id);
        return ResponseEntity.noContent().build();
    }

    private static long ownerId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
