# One image recipe for the four services: docker compose builds it once per service with
# --build-arg SERVICE=<ingest|scoring|tracking|reporting>.
FROM eclipse-temurin:17.0.15_6-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${SERVICE}-service -am package \
    && cp ${SERVICE}-service/target/${SERVICE}-service-*-exec.jar /app.jar

FROM eclipse-temurin:17.0.15_6-jre
RUN useradd --system --uid 10001 bidstream
USER bidstream
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
