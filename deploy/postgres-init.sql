-- One database per service (docker-compose.yml runs this once, on an empty volume).
CREATE DATABASE ferry_offload;
CREATE DATABASE ferry_job;
CREATE DATABASE ferry_progress;
CREATE DATABASE ferry_scheduler;
CREATE DATABASE ferry_agent_endpoint;
