package chatkit.lesson2;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every message the chat programs print when something goes wrong, in one place. Each one says
 * what happened and what to do next, in one line: no stack traces for the user.
 *
 * Provided code: no need to change this.
 */
public class ChatMessages {

    private ChatMessages() {
    }

    public static String portInUse(int port) {
        return "Could not listen on port " + port + " - is another server still running? "
                + "Stop it, or pick another port: --port " + (port == 65535 ? 5001 : port + 1);
    }

    public static String reservedPort(int port) {
        return "Could not listen on port " + port + ": ports below 1024 are reserved for the system. "
                + "Use a port from 1024 up, for example --port 5000.";
    }

    public static String cannotListen(int port, IOException e) {
        return "Could not listen on port " + port + ": " + reason(e)
                + ". Try another port, for example --port 0 to pick any free one.";
    }

    public static String connectionRefused(String host, int port) {
        return "Could not connect to " + host + " port " + port
                + " - is the server running there? Start it first, then try again.";
    }

    public static String unknownHost(String host) {
        return "Unknown host '" + host + "' - check the spelling, or use 127.0.0.1 for this computer.";
    }

    public static String connectionLost(IOException e) {
        return "The connection was lost (" + reason(e) + "). The chat is over.";
    }

    public static String serverClosed() {
        return "The server closed the connection. The chat is over - start the client again to rejoin.";
    }

    public static String stoppedAccepting(Throwable e) {
        String reason = e instanceof IOException ? reason((IOException) e) : String.valueOf(e);
        return "The server stopped accepting clients (" + reason + "). Start it again.";
    }

    /** The server's console, when a client had to be turned away because no thread could be started for it. */
    public static String turnedAway(Throwable e) {
        return "A client was told the server is full: the computer has no thread left for it (" + e
                + "). The others chat on. See docs/troubleshooting.md.";
    }

    public static String notFinished(UnsupportedOperationException e) {
        return e.getMessage() + System.lineSeparator()
                + "This program cannot run until that step is done. Run the tests to see your progress: ../mvnw test";
    }

    /** The addresses a friend on the same network can use to reach this computer. */
    public static List<String> lanAddresses() {
        List<String> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        found.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // No list of interfaces: we simply show none.
        }
        return found;
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
