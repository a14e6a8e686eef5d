package dev.solo.cli.terminal;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The keys a test types, as the terminal's input. Not a PipedInputStream: that one fails the
 * writer ("Read end dead") once the thread that last read has ended, which is what JLine's pump
 * thread does when the session pauses the terminal for the editor; and it reads interruptibly.
 */
final class Keyboard extends InputStream {
    private static final int CLOSED = -1;

    private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    void type(byte[] keys) {
        for (byte key : keys) {
            bytes.add(key & 0xff);
        }
    }

    /**
     * Blocks until a key comes, deaf to interrupts as a real terminal's standard input is: JLine
     * interrupts its pump thread to pause, and an interrupted read would end the terminal's input.
     */
    @Override
    public int read() {
        while (true) {
            try {
                int next = bytes.take();
                if (next == CLOSED) {
                    bytes.add(CLOSED);
                }
                return next;
            } catch (InterruptedException e) {
                // keep waiting
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first == CLOSED) {
            return CLOSED;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        while (count < length && bytes.peek() != null && bytes.peek() != CLOSED) {
            buffer[offset + count++] = (byte) (int) bytes.poll();
        }
        return count;
    }

    @Override
    public int available() {
        return bytes.size();
    }

    @Override
    public void close() {
        bytes.add(CLOSED);
    }
}
