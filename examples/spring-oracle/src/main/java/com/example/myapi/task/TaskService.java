package com.example.myapi.task;

import com.example.myapi.task.TaskDtos.CreateTaskRequest;
import com.example.myapi.task.TaskDtos.PageResponse;
import com.example.myapi.task.TaskDtos.TaskQuery;
import com.example.myapi.task.TaskDtos.TaskResponse;
import com.example.myapi.task.TaskDtos.UpdateTaskRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

@Service
@Transactional
public class TaskService {

    private final TaskRepository tasks;

    public TaskService(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /**
     * One page, counted and read by the database. A page past the end (even page 10^12) is
     * simply empty: it is answered from the count alone.
     */
    @Transactional(readOnly = true)
    public PageResponse<TaskResponse> list(long ownerId, TaskQuery query) {
        TaskStatus status = query.status() == null ? null : TaskStatus.fromValue(query.status());
        int size = query.pageSize();
        long total = status == null ? tasks.countByOwnerId(ownerId) : tasks.countByOwnerIdAndStatus(ownerId, status);
        long totalPages = (total + size - 1) / size;
        long index = query.page() - 1;
        List<Task> page = List.of();
        if (index < totalPages) {
            PageRequest request = PageRequest.of(Math.toIntExact(index), size, sortOf(query.sort(), status != null));
            page = status == null
                    ? tasks.findByOwnerId(ownerId, request)
                    : tasks.findByOwnerIdAndStatus(ownerId, status, request);
        }
        List<TaskResponse> items = page.stream().map(TaskResponse::from).toList();
        return new PageResponse<>(items, query.page(), size, total, totalPages);
    }

    public TaskResponse create(long ownerId, CreateTaskRequest request) {
        Task task = new Task(ownerId, request.getTitle());
        task.setDescription(request.getDescription());
        if (request.getStatus() != null) {
            task.setStatus(TaskStatus.fromValue(request.getStatus().orElseThrow()));
        }
        if (request.getDueDate() != null) {
            task.setDueDate(LocalDate.parse(request.getDueDate()));
        }
        return TaskResponse.from(tasks.saveAndFlush(task));
    }

    @Transactional(readOnly = true)
    public TaskResponse get(long ownerId, String id) {
        return TaskResponse.from(find(ownerId, id));
    }

    public TaskResponse update(long ownerId, String id, UpdateTaskRequest request) {
        Task task = find(ownerId, id);
        // Validation has already rejected a null title or status.
        if (request.getTitle() != null) {
            task.setTitle(request.getTitle().orElseThrow());
        }
        if (request.getDescription() != null) {
            task.setDescription(request.getDescription().orElse(null));
        }
        if (request.getStatus() != null) {
            task.setStatus(TaskStatus.fromValue(request.getStatus().orElseThrow()));
        }
        if (request.getDueDate() != null) {
            task.setDueDate(request.getDueDate().map(LocalDate::parse).orElse(null));
        }
        return TaskResponse.from(tasks.saveAndFlush(task));
    }

    public void delete(long ownerId, String id) {
        tasks.delete(find(ownerId, id));
    }

    /** Another user's task, an unknown id and a malformed id all look the same: 404. */
    private Task find(long ownerId, String id) {
        Long taskId;
        try {
            taskId = Long.valueOf(id);
        } catch (NumberFormatException e) {
            taskId = null;
        }
        return (taskId == null ? Optional.<Task>empty() : tasks.findByIdAndOwnerId(taskId, ownerId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Task not found."));
    }

    /**
     * "-createdAt" is newest first; the id breaks ties so that pages never overlap. Tasks without
     * a due date come last both ways; createdAt and title are never null, so their indexes serve
     * them as written. The owner (and status) lead the order: constant under the WHERE, they
     * change nothing, but the ORDER BY then matches an index column for column, which H2 needs
     * to read the page straight from it (Oracle's optimizer sees it either way).
     */
    private static Sort sortOf(String sort, boolean byStatus) {
        boolean descending = sort.startsWith("-");
        String property = descending ? sort.substring(1) : sort;
        Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort.Order order = new Sort.Order(direction, property);
        if (property.equals("dueDate")) {
            order = order.nullsLast();
        }
        Sort prefix = byStatus ? Sort.by(direction, "ownerId", "status") : Sort.by(direction, "ownerId");
        return prefix.and(Sort.by(order, new Sort.Order(direction, "id")));
    }
}
