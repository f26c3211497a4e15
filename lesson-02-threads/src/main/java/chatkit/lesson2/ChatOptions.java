package chatkit.lesson2;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads the command-line arguments of the chat server and client.
 *
 * <pre>
 *   ChatServer [--port N] [--lan]       N = 0 picks any free port
 *   ChatClient [--host H] [--port N]
 * </pre>
 *
 * Provided code: no need to change this.
 */
public class ChatOptions {

    public static final int DEFAULT_PORT = 5000;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final String SERVER_USAGE = String.join(System.lineSeparator(),
            "Usage: ChatServer [--port N] [--lan]",
            "  --port N   the port to listen on (default " + DEFAULT_PORT + "; 0 picks any free port)",
            "  --lan      let other computers on your network connect (default: this computer only)");

    public static final String CLIENT_USAGE = String.join(System.lineSeparator(),
            "Usage: ChatClient [--host H] [--port N]",
            "  --host H   the computer the server runs on (default " + DEFAULT_HOST + ", this computer)",
            "  --port N   the port the server listens on (default " + DEFAULT_PORT + ")");

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private boolean lan;
    private boolean helpWanted;

    private ChatOptions() {
    }

    /** Options of the server: {@code --port N} (0 allowed), {@code --lan}, {@code --help}. */
    public static ChatOptions forServer(String[] args) throws UsageException {
        return parse(args, true);
    }

    /** Options of the client: {@code --host H}, {@code --port N} (1 to 65535), {@code --help}. */
    public static ChatOptions forClient(String[] args) throws UsageException {
        return parse(args, false);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True when the server should accept connections from other computers too. */
    public boolean lan() {
        return lan;
    }

    public boolean helpWanted() {
        return helpWanted;
    }

    /**
     * The local address the server binds to: the loopback address (this computer only), or with
     * {@code --lan} the wildcard address (every network interface of this computer).
     */
    public InetAddress bindAddress() {
        try {
            return lan ? InetAddress.getByName("0.0.0.0") : InetAddress.getLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is always a valid address", e);
        }
    }

    private static ChatOptions parse(String[] args, boolean server) throws UsageException {
        ChatOptions options = new ChatOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.helpWanted = true;
            } else if (arg.equals("--port") || arg.equals("-p")) {
                options.port = parsePort(valueAfter(args, i++), server);
            } else if (!server && arg.equals("--host")) {
                options.host = valueAfter(args, i++);
            } else if (server && arg.equals("--lan")) {
                options.lan = true;
            } else if (arg.matches("\\d+")) {
                options.port = parsePort(arg, server); // a bare number is the port, as in most tutorials
            } else {
                throw new UsageException("Unknown argument '" + arg + "'.");
            }
        }
        return options;
    }

    private static String valueAfter(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException(args[i] + " needs a value after it.");
        }
        return args[i + 1];
    }

    private static int parsePort(String text, boolean server) throws UsageException {
        int lowest = server ? 0 : 1;
        try {
            int port = Integer.parseInt(text);
            if (port >= lowest && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number out of range
        }
        throw new UsageException("The port must be a whole number from " + lowest + " to 65535, not '" + text + "'.");
    }

    /** Wrong command-line arguments; the message says what is wrong. */
    public static class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
