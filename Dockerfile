# Clientbook container: built with the Maven wrapper on a JDK, run on a slim JRE as a non-root user.
# Configuration is by environment only (see README, "Configuration"), e.g.:
#   docker build -t clientbook .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/clientbook \
#     -e QUARKUS_DATASOURCE_USERNAME=clientbook -e QUARKUS_DATASOURCE_PASSWORD=secret \
#     -e CLIENTBOOK_BOOTSTRAP_ADMIN_KEY=change-me clientbook

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q --no-transfer-progress dependency:resolve-plugins dependency:resolve || true
COPY src src
RUN ./mvnw -B -q --no-transfer-progress package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 clientbook && useradd --system --uid 10001 --gid clientbook clientbook
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/*.jar ./
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/app/ app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/quarkus/ quarkus/
# The AppCDS archive made by the package (README, Performance): the JVM maps these classes instead of loading
# them. Made by the build stage's JDK; a runtime of another build ignores it with a warning and loads as usual.
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/app-cds.jsa ./
USER 10001
EXPOSE 8080
ENV JAVA_OPTS="-XX:SharedArchiveFile=/app/app-cds.jsa -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0
# Ready only when the database answers; bash's /dev/tcp avoids shipping curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Relative to /app, as the archive was made: AppCDS checks the class path it recorded.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
