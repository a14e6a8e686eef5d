package dev.solo;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A text file the user gives solo (config, data, gold labels), read as UTF-8. A byte-order mark
 * is skipped, bytes that are not UTF-8 are an error naming their line, and a path that is a
 * folder, missing or unreadable is said so in plain words.
 */
public final class InputFile {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final String what;

    /** {@code what} names the file's role in messages, e.g. "data file". */
    public InputFile(Path file, String what) {
        this.file = file;
        this.what = what;
    }

    /** A reader of the file's text without its byte-order mark; decoding errors surface as {@link #problem}. */
    public BufferedReader open() {
        if (Files.isDirectory(file)) {
            throw new SoloInputException(file, "is a folder, not a " + what, "give the path of the " + what + " itself");
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file));
            in.mark(BOM.length);
            byte[] start = in.readNBytes(BOM.length);
            if (!Arrays.equals(start, BOM)) {
                in.reset();
            }
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, strict));
        } catch (IOException e) {
            throw problem(e);
        }
    }

    /** The whole text, for small files (a config). */
    public String readAll() {
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader = open()) {
            char[] buffer = new char[8192];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw problem(e);
        }
        return text.toString();
    }

    /** Says what went wrong while reading: not UTF-8 (with the line), not found, permission denied... */
    public SoloInputException problem(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new SoloInputException(file, firstLineNotUtf8(), "not valid UTF-8",
                    "save the " + what + " as UTF-8, e.g. iconv -f latin1 -t utf-8 " + file.getFileName() + " > fixed");
        }
        if (e instanceof NoSuchFileException) {
            return new SoloInputException(file, what + " not found", "check the path");
        }
        FileProblem problem = FileProblem.of(e, file);
        return new SoloInputException(file, "cannot read the " + what + ": " + problem.problem(), problem.remedy());
    }

    /** Like {@link #problem(IOException)}, for a reading error wrapped on its way out of a parser. */
    public SoloInputException problem(UncheckedIOException e) {
        return problem(e.getCause());
    }

    /** The decoding error in {@code e} or its causes (a parser may have wrapped it), or null. */
    public static IOException readingCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException coding) {
                return coding;
            }
        }
        return null;
    }

    /** The 1-based line of the first bytes that are not UTF-8, found by reading the file again line by line. */
    private int firstLineNotUtf8() {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int line = 1;
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    if (!isUtf8(current.toByteArray())) {
                        return line;
                    }
                    if (b < 0) {
                        return 0;
                    }
                    current.reset();
                    line++;
                } else {
                    current.write(b);
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
