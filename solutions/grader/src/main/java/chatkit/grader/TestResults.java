// @kit:instructor-only
package chatkit.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the test JVMs of one submission and lesson reported, line by line from their results
 * files: the tests each run plans, which started, how each ended. Tests that never got a result
 * (their JVM ended, the time ran out) are given one in words by the grader.
 */
final class TestResults {

    /** A test method of one run: its step, whether it is hidden, its name. */
    record Planned(int run, String id, int step, boolean hidden, String name) {
        String key() {
            return run + "\t" + id;
        }

        /** True for this test method's result in its run: itself, or one run of a parameterized test. */
        boolean covers(int resultRun, String resultId) {
            return resultRun == run && (resultId.equals(id) || resultId.startsWith(id + "/"));
        }
    }

    /** How one test (or one run of a parameterized test) ended. */
    record Result(int run, String id, String status, String name, String message, long millis) {
        boolean passed() {
            return status.equals("SUCCESSFUL");
        }

        boolean neutral() {
            return status.equals("ABORTED");
        }
    }

    private final Map<String, Planned> plan = new LinkedHashMap<>();
    private final Map<String, String> started = new LinkedHashMap<>(); // run TAB id -> name
    private final Map<String, Result> results = new LinkedHashMap<>();
    private final Map<String, String> broken = new LinkedHashMap<>(); // run TAB container id -> message
    private final Set<String> timedOutParts = new java.util.TreeSet<>();
    private boolean restart;
    private boolean ended;
    private boolean exitCalled;

    private final String token;
    private int forged;

    /** @param token the secret the test runner seals each of its lines with */
    TestResults(String token) {
        this.token = token;
    }

    /** Takes one line of a results file; true if it shows progress (a test started or ended). */
    boolean accept(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0 || !line.substring(0, tab).equals(Events.seal(token, line.substring(tab + 1)))) {
            forged++; // not sealed by the runner: student code wrote into the results file
            return false;
        }
        try {
            return accept(Events.fields(line.substring(tab + 1)));
        } catch (RuntimeException e) {
            forged++; // a line the runner would never write
            return false;
        }
    }

    /** Lines in the results file that the runner did not write (0 unless student code wrote there). */
    int forgedLines() {
        return forged;
    }

    private boolean accept(String[] f) {
        switch (f[0]) {
            case "PLAN" -> plan.putIfAbsent(f[1] + "\t" + f[2],
                    new Planned(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4].equals("hidden"), f[5]));
            case "START" -> {
                started.put(f[1] + "\t" + f[2], f[3]);
                return true;
            }
            case "DONE" -> {
                String key = f[1] + "\t" + f[2];
                if (results.containsKey(key)) {
                    forged++; // the runner writes one result per test: the first one stands
                    return false;
                }
                String name = started.containsKey(key) ? started.get(key)
                        : plan.containsKey(key) ? plan.get(key).name() : f[2];
                results.put(key, new Result(Integer.parseInt(f[1]), f[2], f[3], name, f[4],
                        f.length > 5 ? Long.parseLong(f[5]) : 0));
                return true;
            }
            case "BROKEN" -> broken.put(f[1] + "\t" + f[2], f[3]);
            case "TIMEOUT" -> timedOutParts.add(f[1]);
            case "RESTART" -> restart = true;
            case "END" -> ended = true;
            case "EXIT" -> exitCalled = true;
            default -> {
                // an unknown line: ignore
            }
        }
        return false;
    }

    /** Before a new JVM starts: forget how the last one ended. */
    void newJvm() {
        ended = false;
        exitCalled = false;
        restart = false;
    }

    boolean ended() {
        return ended;
    }

    /** The JVM ended itself after a time-out, to go on in a fresh one. */
    boolean restartAsked() {
        return restart;
    }

    /** "3-hidden" for each step part where a test timed out. */
    Set<String> timedOutParts() {
        return timedOutParts;
    }

    boolean exitCalled() {
        return exitCalled;
    }

    int resultCount() {
        return results.size();
    }

    /** Tests that started and have no result: the ones running when a JVM ended. */
    List<String> inFlight() {
        return started.keySet().stream().filter(key -> !results.containsKey(key)).collect(Collectors.toList());
    }

    /** Gives a test that never finished a failing result with the grader's words. */
    void lost(String key, String reason) {
        String[] parts = key.split("\t", 2);
        results.put(key, new Result(Integer.parseInt(parts[0]), parts[1], "LOST", started.getOrDefault(key, parts[1]),
                reason, 0));
    }

    /** "run TAB id" of each planned test method that has begun: a fresh JVM must not run it again. */
    Set<String> begun() {
        Set<String> begun = new java.util.TreeSet<>();
        for (String key : started.keySet()) {
            planned(key).ifPresent(p -> begun.add(p.key()));
        }
        return begun;
    }

    /** The planned test method a started test belongs to (itself, or a parameterized test's method). */
    private Optional<Planned> planned(String key) {
        String[] parts = key.split("\t", 2);
        int run = Integer.parseInt(parts[0]);
        return plan.values().stream().filter(p -> p.covers(run, parts[1])).findFirst();
    }

    /** After the last JVM: every planned test without a result gets one, saying why. */
    void finish(String reasonForTheRest) {
        for (Planned p : plan.values()) {
            boolean hasResult = results.values().stream().anyMatch(r -> p.covers(r.run(), r.id()));
            if (hasResult) {
                continue;
            }
            String reason = broken.entrySet().stream()
                    .filter(b -> b.getKey().startsWith(p.run() + "\t") && p.id().startsWith(b.getKey().split("\t", 2)[1]))
                    .map(b -> "could not start: " + b.getValue()).findFirst().orElse(reasonForTheRest);
            results.put(p.key(), new Result(p.run(), p.id(), "LOST", p.name(), reason, 0));
        }
    }

    List<Planned> plan() {
        return new ArrayList<>(plan.values());
    }

    /** The results of a planned test method (one, or one per run of a parameterized test). */
    List<Result> resultsOf(Planned p) {
        return results.values().stream().filter(r -> p.covers(r.run(), r.id())).collect(Collectors.toList());
    }
}
