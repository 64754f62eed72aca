#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory: one login role and
# one schema per service. Each service's Flyway migrations (run as the admin account) then create
# the tables and grant the role access to its own schema only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE ascent_assessment LOGIN PASSWORD '${ASCENT_ASSESSMENT_DB_PASSWORD}';
CREATE ROLE ascent_evidence LOGIN PASSWORD '${ASCENT_EVIDENCE_DB_PASSWORD}';
CREATE ROLE ascent_growth_plan LOGIN PASSWORD '${ASCENT_GROWTH_PLAN_DB_PASSWORD}';
CREATE ROLE ascent_gateway LOGIN PASSWORD '${ASCENT_GATEWAY_DB_PASSWORD}';
CREATE SCHEMA assessment;
CREATE SCHEMA evidence;
CREATE SCHEMA growth_plan;
CREATE SCHEMA gateway;
SQL
