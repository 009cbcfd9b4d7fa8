<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('tasks', function (Blueprint $table) {
            $table->id();
            $table->foreignId('user_id')->constrained()->cascadeOnDelete();
            // Binary collation: titles sort by code point ("B" before "a"), as the contract says.
            $table->string('title', 200)->collation('utf8mb4_bin');
            $table->text('description')->nullable();
            $table->string('status', 10)->default('todo');
            $table->date('due_date')->nullable();
            $table->timestamps();

            // The list endpoint reads one owner's page in one of these orders.
            $table->index(['user_id', 'created_at']);
            $table->index(['user_id', 'due_date']);
            $table->index(['user_id', 'title']);
            $table->index(['user_id', 'status', 'created_at']);
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('tasks');
    }
};
