package com.example.myapi.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** {@code make seed} starts the app with {@code --seed} (and no web server): seed, then exit. */
@Component
public class SeedCommand implements ApplicationRunner {

    private final DemoDataSeeder seeder;

    public SeedCommand(DemoDataSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("seed")) {
            seeder.seed();
        }
    }
}
