<?php

use Illuminate\Support\Facades\Schedule;

// Deletes expired bearer tokens (ApiToken::prunable()) once a day. The scheduler itself
// runs from cron, every minute: `* * * * * cd /path/to/app && php artisan schedule:run`.
Schedule::command('model:prune')->daily();
