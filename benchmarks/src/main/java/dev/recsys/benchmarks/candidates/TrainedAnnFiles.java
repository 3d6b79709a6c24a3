package dev.recsys.benchmarks.candidates;

import dev.recsys.candidates.ann.Similarity;
import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.Embeddings;
import dev.recsys.candidates.embeddings.ImplicitAls;
import dev.recsys.candidates.embeddings.Interaction;
import dev.recsys.candidates.embeddings.InteractionMatrix;
import dev.recsys.candidates.vectors.GroundTruth;
import dev.recsys.candidates.vectors.VectorFiles;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Item embeddings trained (iALS) on a synthetic data set with a large catalog, written as
 * {@code base.fvecs} (items), {@code query.fvecs} (user vectors) and {@code truth.ivecs} (exact
 * cosine top 100), for {@code recsys bench ann} and for FAISS on the same files.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.candidates.TrainedAnnFiles \
 *     --users 20000 --items 100000 --out /tmp/ann-trained
 * </pre>
 */
@Command(name = "trained-ann-files", mixinStandardHelpOptions = true)
public final class TrainedAnnFiles implements Callable<Integer> {
  @Option(names = "--users", description = "Users (default: ${DEFAULT-VALUE}).")
  private int users = 20_000;

  @Option(names = "--items", description = "Items (default: ${DEFAULT-VALUE}).")
  private int items = 100_000;

  @Option(names = "--queries", description = "Queries (default: ${DEFAULT-VALUE}).")
  private int queries = 1_000;

  @Option(names = "--out", required = true, description = "Folder to write.")
  private Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainedAnnFiles()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    GeneratorParams params = GeneratorParams.DEFAULT.withUsers(users).withItems(items);
    List<Interaction> interactions = new ArrayList<>();
    new DatasetGenerator().generate(params, new DatasetSink() {
      @Override
      public void item(ItemUpdate item) {}

      @Override
      public void event(UserEvent e) {
        float weight = EventWeights.DEFAULT.of(e.getType());
        if (weight > 0) {
          interactions.add(new Interaction(e.getUserId(), e.getItemId(), weight));
        }
      }
    });
    long started = System.nanoTime();
    Embeddings embeddings = ImplicitAls.train(
        InteractionMatrix.of(interactions),
        AlsParams.DEFAULT,
        (pass, passes, elapsed) -> System.out.printf("pass %d/%d%n", pass, passes));
    System.out.printf(
        "trained on %,d interactions: %,d items x %d in %.1f s%n",
        interactions.size(),
        embeddings.itemIds().size(),
        embeddings.dimensions(),
        (System.nanoTime() - started) / 1e9);
    List<float[]> sample = embeddings
        .userVectors()
        .subList(0, Math.min(queries, embeddings.userVectors().size()));
    Files.createDirectories(out);
    VectorFiles.writeFvecs(out.resolve("base.fvecs"), embeddings.itemVectors());
    VectorFiles.writeFvecs(out.resolve("query.fvecs"), sample);
    VectorFiles.writeIvecs(
        out.resolve("truth.ivecs"),
        GroundTruth.compute(embeddings.itemVectors(), sample, 100, Similarity.COSINE::score));
    System.out.println("wrote " + out);
    return 0;
  }
}
