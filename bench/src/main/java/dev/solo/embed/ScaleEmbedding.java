package dev.solo.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.store.SqliteStore;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedding throughput for bench/scale: solo's own path ({@link ItemEmbeddings}: reading the texts from
 * the store, tokenizing, ONNX Runtime, pooling, quantizing and saving) against a bare loop over the same
 * texts in the same process (tokenizing and {@code session.run} only, same batches of 32 ordered by
 * length), so the ratio shows what solo adds around ONNX Runtime.
 *
 * <p>{@code ScaleEmbedding MODEL DATA_JSONL STORE_DIR [bare]}: with a STORE_DIR, the records of DATA_JSONL
 * are imported into a fresh store there and embedded by solo's path first (the store is kept: bench/scale
 * copies its vectors into the large tasks); with {@code bare} only the bare loop runs. Prints one JSON
 * line: items, solo_s, bare_s (tokenizing + ONNX Runtime) and ort_s (inside {@code session.run}).
 */
public final class ScaleEmbedding {
    private ScaleEmbedding() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = EmbeddingModel.named(args[0]).orElseThrow();
        Path data = Path.of(args[1]);
        boolean bareOnly = args.length > 3 && args[3].equals("bare");
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader reader = Files.newBufferedReader(data)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    texts.add(node.get("text").asText());
                }
            }
        }
        double soloSeconds = Double.NaN;
        if (!bareOnly) {
            Path folder = Files.createDirectories(Path.of(args[2]));
            try (SqliteStore store = SqliteStore.open(folder.resolve("state.db"))) {
                new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
                List<String> ids = store.items().selectable(null).stream().map(item -> item.id()).toList();
                long started = System.nanoTime();
                EmbeddingMatrix matrix = new ItemEmbeddings(store.vectors(), store.items()::texts, message -> { })
                        .forItems(model, ids);
                soloSeconds = (System.nanoTime() - started) / 1e9;
                if (matrix.size() != texts.size()) {
                    throw new IllegalStateException(matrix.size() + " vectors for " + texts.size() + " texts");
                }
            }
        }
        double[] bare = bare(model, texts);
        System.out.printf("{\"items\": %d, \"solo_s\": %s, \"bare_s\": %.3f, \"ort_s\": %.3f}%n", texts.size(),
                Double.isNaN(soloSeconds) ? "null" : String.format("%.3f", soloSeconds), bare[0], bare[1]);
    }

    /** Seconds for the whole loop and seconds inside {@code session.run}, same batches as solo's. */
    private static double[] bare(EmbeddingModel model, List<String> texts) throws Exception {
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = ScaleEmbedding.class.getResourceAsStream(model.tokenizerResource())) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "true", "truncation", "true",
                    "maxLength", Integer.toString(TextEncoder.MAX_TOKENS)));
        }
        byte[] onnx;
        try (InputStream in = ScaleEmbedding.class.getResourceAsStream(model.onnxResource())) {
            onnx = in.readAllBytes();
        }
        OnnxNativeLibraries.prepare();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        List<String> ordered = texts.stream().sorted(Comparator.comparingInt(String::length))
                .map(text -> model.textPrefix() + text).toList();
        long ortNanos = 0;
        long started = System.nanoTime();
        try (OrtSession session = environment.createSession(onnx, options)) {
            boolean tokenTypes = session.getInputNames().contains("token_type_ids");
            for (int from = 0; from < ordered.size(); from += ItemEmbeddings.BATCH_SIZE) {
                Encoding[] encodings = tokenizer.batchEncode(
                        ordered.subList(from, Math.min(from + ItemEmbeddings.BATCH_SIZE, ordered.size())));
                int batch = encodings.length;
                int length = encodings[0].getIds().length;
                long[] ids = new long[batch * length];
                long[] mask = new long[batch * length];
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
                    System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
                }
                long[] shape = {batch, length};
                Map<String, OnnxTensor> feed = new HashMap<>();
                feed.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
                feed.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
                if (tokenTypes) {
                    feed.put("token_type_ids", OnnxTensor.createTensor(environment,
                            LongBuffer.wrap(new long[batch * length]), shape));
                }
                long run = System.nanoTime();
                try (OrtSession.Result result = session.run(feed)) {
                    ortNanos += System.nanoTime() - run;
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            }
        } finally {
            tokenizer.close();
        }
        return new double[] {(System.nanoTime() - started) / 1e9, ortNanos / 1e9};
    }
}
