package dev.solo.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one shipped embedding model with ONNX Runtime: tokenizes a batch of texts (padded to its
 * longest, truncated at {@link #MAX_TOKENS}), pools the token vectors and L2-normalizes them.
 */
public final class TextEncoder implements AutoCloseable {
    /** Longer texts are truncated; the small models were trained on at most 256-512 tokens. */
    static final int MAX_TOKENS = 256;
    /** Every shipped model gives 384-dimension vectors. */
    static final int DIMENSION = 384;

    private final EmbeddingModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean needsTokenTypes;

    private TextEncoder(EmbeddingModel model, HuggingFaceTokenizer tokenizer, OrtEnvironment environment,
                        OrtSession session) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model from the jar; uses every core for each batch. */
    public static TextEncoder load(EmbeddingModel model) {
        try {
            HuggingFaceTokenizer tokenizer;
            try (InputStream json = resource(model.tokenizerResource())) {
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                        "padding", "true",
                        "truncation", "true",
                        "maxLength", Integer.toString(MAX_TOKENS)));
            }
            byte[] onnx;
            try (InputStream bytes = resource(model.onnxResource())) {
                onnx = bytes.readAllBytes();
            }
            OnnxNativeLibraries.prepare();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new TextEncoder(model, tokenizer, environment, environment.createSession(onnx, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model.configName(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + model.configName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream stream = TextEncoder.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IOException("resource " + name + " is missing from the classpath");
        }
        return stream;
    }

    public EmbeddingModel model() {
        return model;
    }

    /** One L2-normalized vector per text, in order. */
    public float[][] encode(List<String> texts) {
        List<String> inputs = texts.stream().map(text -> model.textPrefix() + text).toList();
        Encoding[] encodings = tokenizer.batchEncode(inputs);
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
        try {
            feed.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (needsTokenTypes) {
                feed.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[batch * length]), shape));
            }
            try (OrtSession.Result result = session.run(feed)) {
                float[][][] tokens = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[batch][];
                for (int i = 0; i < batch; i++) {
                    vectors[i] = normalize(pool(tokens[i], mask, i * length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model " + model.configName() + " failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] tokens, long[] mask, int offset) {
        if (model.pooling() == EmbeddingModel.Pooling.CLS) {
            return tokens[0].clone();
        }
        float[] sum = new float[tokens[0].length];
        int counted = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[offset + t] == 1) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += tokens[t][d];
                }
                counted++;
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(counted, 1);
        }
        return sum;
    }

    static float[] normalize(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += value * value;
        }
        double norm = Math.sqrt(squares);
        if (norm > 0) {
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) norm;
            }
        }
        return vector;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the embedding model: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
            OnnxNativeLibraries.removeEmptyDebugLog();
        }
    }
}
