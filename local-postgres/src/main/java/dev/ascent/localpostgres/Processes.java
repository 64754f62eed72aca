package dev.ascent.localpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Process checks that are not fooled by zombies. A killed process whose parent has not reaped it
 * yet keeps its pid, and {@code kill(pid, 0)} (so also {@link ProcessHandle#isAlive()} for a
 * process that is not our child) still succeeds on it; a server started through {@code pg_ctl} is
 * reparented to init, which may never reap it. On Linux the state in {@code /proc/PID/stat} says
 * the truth; elsewhere the JDK's answer is taken.
 */
public final class Processes {

    private static final Path PROC = Path.of("/proc");

    private Processes() {
    }

    /** Whether the process exists and is neither a zombie nor dead (states {@code Z} and {@code X}). */
    public static boolean alive(long pid) {
        if (pid <= 0) {
            return false;
        }
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "PID (COMMAND) STATE ...": the command may itself contain spaces and parentheses.
            int close = stat.lastIndexOf(')');
            char state = stat.charAt(close + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Live {@code postgres} processes whose working directory is {@code dataDirectory}: a server
     * and every process it forks run there. Empty where {@code /proc} does not exist.
     */
    public static List<Long> postgresIn(Path dataDirectory) {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return pids;
        }
        Path dir;
        try {
            dir = dataDirectory.toRealPath();
        } catch (IOException e) {
            return pids;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres".equals(Files.readString(entry.resolve("comm")).trim())
                            && dir.equals(Files.readSymbolicLink(entry.resolve("cwd")))
                            && alive(Long.parseLong(name))) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours to look at
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }
}
