// @kit:instructor-only benchmark code
package chatkit.bench;

import chatkit.lesson2.ChatServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fan-out benchmark of lesson 2's server, over loopback: N clients join; one sends a line, and
 * we time until all N-1 others have it. In the same run, a loopback round trip (one line there
 * and back between two sockets) is timed, so the results read as ratios that mean the same on
 * any machine.
 *
 * <pre>
 *   solutions/benchmark                         reference server, N = 10, 100, 1000
 *   solutions/benchmark --server plain          the plain server as tutorials write it
 *   solutions/benchmark --server plain-nodelay  the same with setTcpNoDelay(true): Nagle's share
 *   solutions/benchmark --clients 10,100 --messages 300
 * </pre>
 *
 * Per N: a latency phase (one line at a time, the next only when all have the previous one:
 * p50 and p99 of "sent until the last receiver has it"), then a burst phase (lines back to back:
 * deliveries per second), and a count of lines lost (must be 0). The goals (docs/performance.md):
 * N = 10: p50 at most 25 x the round trip's p50, p99 at most 10 ms; N = 100 and 1,000: p50 at
 * most 1.5 x (N-1) x the round trip's p50; 1,000 clients held with no line lost.
 */
public final class FanOutBenchmark {

    private static final int WARMUP_MESSAGES = 50;

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10, 100, 1000);
        String server = "reference";
        int messages = 200;
        int burst = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--server" -> server = args[++i];
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --clients 10,100,1000 --server reference|plain|plain-nodelay --messages M --burst B)");
            }
        }
        System.out.printf(Locale.ROOT, "Java %s on %s %s, %d cores; server: %s%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                server);
        double rtt = roundTripMicros();
        System.out.printf(Locale.ROOT, "loopback round trip p50: %.1f us%n", rtt);
        System.out.printf(Locale.ROOT, "Nagle probe (a request answered by two lines, written one after the other):"
                + " p50 %.3f ms with Nagle's algorithm, %.3f ms with setTcpNoDelay(true)%n%n",
                twoLineAnswerMicros(false) / 1000, twoLineAnswerMicros(true) / 1000);
        System.out.println("| N | fan-out p50 | fan-out p99 | p50 / round trip | goal for p50 | deliveries/s (burst)"
                + " | lines lost |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            Result result = run(server, n, messages, burst);
            double goal = n <= 10 ? 25 * rtt : 1.5 * (n - 1) * rtt;
            System.out.printf(Locale.ROOT, "| %d | %.3f ms | %.3f ms | %.1f x | %.3f ms (%s) | %,.0f | %d |%n", n,
                    result.p50Micros / 1000, result.p99Micros / 1000, result.p50Micros / rtt, goal / 1000,
                    result.p50Micros <= goal && (n > 10 || result.p99Micros <= 10_000) ? "met" : "MISSED",
                    result.deliveriesPerSecond, result.lost);
        }
    }

    record Result(double p50Micros, double p99Micros, double deliveriesPerSecond, long lost) {
    }

    private static Result run(String kind, int n, int messages, int burst) throws Exception {
        AutoCloseable server;
        int port;
        if (kind.startsWith("plain")) {
            PlainChatServer plain = new PlainChatServer(kind.equals("plain-nodelay"));
            server = plain;
            port = plain.port();
        } else {
            ChatServer reference = new ChatServer();
            port = reference.listen(0, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    reference.acceptClients();
                } catch (IOException e) {
                    // closed at the end of the run
                }
            }, "reference-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            server = reference;
        }
        int total = WARMUP_MESSAGES + messages + burst;
        AtomicIntegerArray remaining = new AtomicIntegerArray(total);
        AtomicLongArray lastArrival = new AtomicLongArray(total);
        AtomicIntegerArray receivedPerClient = new AtomicIntegerArray(n);
        List<CountDownLatch> done = new ArrayList<>();
        for (int m = 0; m < total; m++) {
            remaining.set(m, n - 1);
            done.add(new CountDownLatch(n - 1));
        }
        List<BenchClient> clients = new ArrayList<>();
        try (server) {
            for (int i = 0; i < n; i++) {
                BenchClient client = new BenchClient(port, "c" + i);
                clients.add(client);
                client.startReading(i, (who, seq, nanos) -> {
                    receivedPerClient.incrementAndGet(who);
                    lastArrival.accumulateAndGet(seq, nanos, Math::max);
                    done.get(seq).countDown();
                });
            }
            BenchClient sender = clients.get(0);
            long[] latencies = new long[messages];
            for (int m = 0; m < WARMUP_MESSAGES + messages; m++) {
                long start = System.nanoTime();
                sender.send(String.valueOf(m));
                if (!done.get(m).await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("line " + m + " did not reach everyone within 30 s (N = " + n + ")");
                }
                if (m >= WARMUP_MESSAGES) {
                    latencies[m - WARMUP_MESSAGES] = lastArrival.get(m) - start;
                }
            }
            int first = WARMUP_MESSAGES + messages;
            long burstStart = System.nanoTime();
            for (int m = first; m < total; m++) {
                sender.send(String.valueOf(m));
            }
            long burstEnd = burstStart;
            for (int m = first; m < total; m++) {
                if (!done.get(m).await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("burst line " + m + " did not reach everyone (N = " + n + ")");
                }
                burstEnd = Math.max(burstEnd, lastArrival.get(m));
            }
            long lost = 0;
            for (int i = 1; i < n; i++) {
                lost += total - receivedPerClient.get(i);
            }
            Arrays.sort(latencies);
            double seconds = (burstEnd - burstStart) / 1e9;
            return new Result(percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0,
                    (double) burst * (n - 1) / seconds, lost);
        } finally {
            for (BenchClient client : clients) {
                client.close();
            }
        }
    }

    /** p50 of a loopback round trip, in microseconds: a line to an echo thread and back, both sides without Nagle. */
    private static double roundTripMicros() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    socket.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write(line + "\n");
                        out.flush();
                    }
                } catch (IOException e) {
                    // done
                }
            }, "echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
                long[] times = new long[3000];
                for (int i = -1000; i < times.length; i++) {
                    long start = System.nanoTime();
                    out.write("<c0> " + i + "\n");
                    out.flush();
                    in.readLine();
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(times);
                return percentile(times, 50) / 1000.0;
            }
        }
    }

    /**
     * p50 in microseconds of: send a request line, receive an answer of two lines that the server
     * wrote and flushed one after the other (as a chat server does when two lines for one client
     * follow each other). Without {@code noDelay}, Nagle's algorithm holds the second line until
     * the first is acknowledged, and the client delays that acknowledgement.
     */
    private static double twoLineAnswerMicros(boolean noDelay) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    socket.setTcpNoDelay(noDelay);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write("* INFO first line for " + line + "\n");
                        out.flush();
                        out.write("* INFO second line for " + line + "\n");
                        out.flush();
                    }
                } catch (IOException e) {
                    // done
                }
            }, "two-line-answers");
            answering.setDaemon(true);
            answering.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
                long[] times = new long[100];
                for (int i = -20; i < times.length; i++) {
                    long start = System.nanoTime();
                    out.write("/request " + i + "\n");
                    out.flush();
                    in.readLine();
                    in.readLine();
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(times);
                return percentile(times, 50) / 1000.0;
            }
        }
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
