# One image recipe for every service, built from the repository root:
#   docker build --build-arg SERVICE=assessment-service -t ascent/assessment-service:0.1.0-SNAPSHOT .
# (docker-compose.yml passes SERVICE for each of the four.)
ARG SERVICE

FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN test -n "$SERVICE" || { echo "set --build-arg SERVICE=<module>" >&2; exit 1; } \
    && mvn -B -q -pl "$SERVICE" -am -DskipTests package

FROM eclipse-temurin:21-jre
ARG SERVICE
WORKDIR /app
# The fast-jar layout: dependencies change less often than the application, so they come first.
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/*.jar /app/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/quarkus/ /app/quarkus/
USER 185
# The API on 8080-8083; health and metrics on the management port (9080-9083), for probes inside the
# platform only.
EXPOSE 8080-8083 9080-9083
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
