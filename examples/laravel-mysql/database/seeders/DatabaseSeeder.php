<?php

namespace Database\Seeders;

use App\Enums\TaskStatus;
use App\Models\User;
use Illuminate\Database\Seeder;
use Illuminate\Support\Facades\Hash;

class DatabaseSeeder extends Seeder
{
    /** The demo account and its tasks; safe to run twice (it updates instead of duplicating). */
    public function run(): void
    {
        $demo = User::updateOrCreate(
            ['email' => 'demo@example.com'],
            ['name' => 'Demo User', 'password' => Hash::make('password123')],
        );

        $tasks = [
            ['Read the Tasks API contract', TaskStatus::Done, null],
            ['Run the test suite', TaskStatus::Done, '-1 day'],
            ['Add an index for a new sort order', TaskStatus::Doing, '+3 days'],
            ['Write a feature test for PATCH', TaskStatus::Todo, '+1 week'],
            ['Deploy with docker compose', TaskStatus::Todo, null],
        ];

        foreach ($tasks as [$title, $status, $due]) {
            $demo->tasks()->updateOrCreate(
                ['title' => $title],
                ['status' => $status, 'due_date' => $due ? now()->modify($due)->format('Y-m-d') : null],
            );
        }
    }
}
