package dev.solo.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * ONNX Runtime unpacks its native libraries into a new temporary folder on every start and leaves
 * the folder behind (all of its ~29 MB when the process is killed). Instead, they are unpacked
 * once into a per-user cache folder named after the library build, and ONNX Runtime is pointed
 * there through its {@code onnxruntime.native.path} property. Where that cannot be done (an
 * unknown platform, no writable cache), ONNX Runtime is left to its own way.
 */
final class OnnxNativeLibraries {
    static final String PATH_PROPERTY = "onnxruntime.native.path";

    private OnnxNativeLibraries() {
    }

    /** Call before the first use of ONNX Runtime. */
    static synchronized void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String platform = platform();
        List<String> libraries = libraries();
        if (platform == null || libraries == null) {
            return;
        }
        String resources = "/ai/onnxruntime/native/" + platform + "/";
        try {
            Path folder = cacheRoot().resolve("solo").resolve("onnxruntime-" + build(resources + libraries.get(1)))
                    .resolve(platform);
            Files.createDirectories(folder);
            for (String library : libraries) {
                Path target = folder.resolve(library);
                if (!Files.exists(target)) {
                    unpack(resources + library, folder, target);
                }
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            // Leave ONNX Runtime to unpack into the temporary folder, as it does by default.
        }
    }

    /**
     * ONNX Runtime's telemetry layer creates an empty {@code mat-debug-<pid>.log} in the temporary
     * folder of every process that loads it; this process's own is removed once it is done with.
     */
    static void removeEmptyDebugLog() {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "mat-debug-" + ProcessHandle.current().pid() + ".log");
        try {
            if (Files.isRegularFile(log) && Files.size(log) == 0) {
                Files.delete(log);
            }
        } catch (IOException e) {
            // Not ours to worry about: an empty log file at worst.
        }
    }

    private static void unpack(String resource, Path folder, Path target) throws IOException {
        Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".partial");
        try (InputStream in = resource(resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            // Another solo may unpack the same file at the same moment: the move is atomic either way.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A short hash of the JNI library, so that another ONNX Runtime build gets its own folder. */
    private static String build(String jniResource) throws IOException {
        try (InputStream in = resource(jniResource)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxNativeLibraries.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no resource " + name);
        }
        return in;
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }

    /** ONNX Runtime's own names for this machine: linux-x64, linux-aarch64, osx-aarch64, win-x64. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
        return cpu == null || system == null ? null : system + "-" + cpu;
    }

    /** The runtime first, then the JNI bridge that links against it. */
    private static List<String> libraries() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
        }
        if (os.contains("mac")) {
            return List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib");
        }
        return os.contains("win") ? List.of("onnxruntime.dll", "onnxruntime4j_jni.dll") : null;
    }
}
