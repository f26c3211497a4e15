package chatkit.lesson2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny raw TCP client, for computers that have no {@code nc} (netcat): it sends every line you
 * type, and prints every byte that arrives, as soon as it arrives. It knows nothing about chat:
 * that is the point, it shows you exactly what travels over the connection.
 *
 * Run it from the lesson folder, without building anything:
 * <pre>
 *   java src/main/java/chatkit/lesson2/RawClient.java 127.0.0.1 5000
 * </pre>
 * Ctrl-D (Ctrl-Z then Enter on Windows) stops sending; it ends when the other side closes.
 *
 * Provided code: no need to change this.
 */
public class RawClient {

    public static void main(String[] args) throws InterruptedException {
        String host = args.length >= 2 ? args[0] : "127.0.0.1";
        String portText = args.length >= 2 ? args[1] : args.length == 1 ? args[0] : "5000";
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            System.err.println("Usage: java RawClient.java [HOST] PORT   (the port must be a number, not '" + portText + "')");
            System.exit(2);
            return;
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            System.err.println("[connected to " + host + " port " + port + "; type lines, Ctrl-D to stop sending]");
            // One thread prints what arrives while this one sends what you type: full duplex.
            Thread printer = new Thread(() -> copyToScreen(socket), "printer");
            printer.start();
            sendKeyboardLines(socket.getOutputStream());
            socket.shutdownOutput(); // tells the other side "no more lines from me", keeps reading
            printer.join();
        } catch (ConnectException e) {
            System.err.println("Could not connect to " + host + " port " + port + " - is the server running?");
            System.exit(1);
        } catch (IOException e) {
            System.err.println("Connection problem: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void sendKeyboardLines(OutputStream out) throws IOException {
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = keyboard.readLine()) != null) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void copyToScreen(Socket socket) {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                System.out.write(buffer, 0, n);
                System.out.flush();
            }
            System.err.println("[the other side closed the connection]");
        } catch (IOException e) {
            System.err.println("[connection lost: " + e.getMessage() + "]");
        }
        System.exit(0); // the keyboard thread may still wait for a line: end the program now
    }
}
