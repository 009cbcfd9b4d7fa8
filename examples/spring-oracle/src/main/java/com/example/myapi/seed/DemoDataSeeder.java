package com.example.myapi.seed;

import com.example.myapi.auth.User;
import com.example.myapi.auth.UserRepository;
import com.example.myapi.task.Task;
import com.example.myapi.task.TaskRepository;
import com.example.myapi.task.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The demo user and five tasks, created only when missing: seeding twice changes nothing. */
@Service
public class DemoDataSeeder {

    public static final String EMAIL = "demo@example.com";
    public static final String PASSWORD = "password123";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final UserRepository users;
    private final TaskRepository tasks;
    private final PasswordEncoder passwordEncoder;

    public DemoDataSeeder(UserRepository users, TaskRepository tasks, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.tasks = tasks;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public void seed() {
        User demo = users.findByEmail(EMAIL)
                .orElseGet(() -> users.save(new User(EMAIL, passwordEncoder.encode(PASSWORD), "Demo User")));
        if (tasks.existsByOwnerId(demo.getId())) {
            log.info("Demo data already present: {} / {}", EMAIL, PASSWORD);
            return;
        }
        LocalDate today = LocalDate.now();
        tasks.saveAll(List.of(
                task(demo, "Read the project README", TaskStatus.DONE, null),
                task(demo, "Run the test suite", TaskStatus.DONE, today),
                task(demo, "Add a field to Task with a Flyway migration", TaskStatus.DOING, today.plusDays(2)),
                task(demo, "Write an integration test for it", TaskStatus.TODO, today.plusDays(4)),
                task(demo, "Deploy with docker compose", TaskStatus.TODO, null)));
        log.info("Seeded {} / {} with 5 tasks", EMAIL, PASSWORD);
    }

    private static Task task(User owner, String title, TaskStatus status, LocalDate dueDate) {
        Task task = new Task(owner.getId(), title);
        task.setStatus(status);
        task.setDueDate(dueDate);
        return task;
    }
}
