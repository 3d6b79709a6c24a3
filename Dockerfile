# The recsys fat jar on a JRE. One image runs every role: pass the subcommand
# (features, serve, replay, train-ranker, ...) as the container command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -Dmaven.test.skip=true -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app recsys && mkdir -p /data && chown recsys /data
COPY --from=build /src/app/target/recsys.jar /app/recsys.jar
USER recsys
WORKDIR /data
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recsys -jar /app/recsys.jar \"$@\"", "recsys"]
CMD ["serve"]
