-- Run once by the mysql image on a fresh volume: the database `make test` wipes,
-- next to the one the app uses.
CREATE DATABASE IF NOT EXISTS `my_api_test`;
GRANT ALL PRIVILEGES ON `my_api_test`.* TO 'app'@'%';
