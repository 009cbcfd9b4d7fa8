package com.example.myapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.myapi.auth.UserRepository;
import com.example.myapi.seed.DemoDataSeeder;
import com.example.myapi.task.TaskRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class DemoDataSeederTest extends ApiTestSupport {

    @Autowired
    private DemoDataSeeder seeder;

    @Autowired
    private UserRepository users;

    @Autowired
    private TaskRepository tasks;

    @Test
    void seedingTwiceCreatesTheDemoUserAndFiveTasksOnce() throws Exception {
        seeder.seed();
        seeder.seed();

        var demo = users.findByEmail(DemoDataSeeder.EMAIL).orElseThrow();
        assertThat(tasks.findByOwnerId(demo.getId(), Pageable.unpaged()))
                .hasSize(5)
                .extracting(task -> task.getStatus().value())
                .contains("todo", "doing", "done");
        // The seeded password works through the real login endpoint.
        assertThat(login(DemoDataSeeder.EMAIL, DemoDataSeeder.PASSWORD)).isNotBlank();
    }
}
