package io.ferry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards TCP connections from a local port to a target, and can {@link #cut()} them: every open connection
 * is closed and new ones are refused (the port stops listening) until {@link #restore()}. Tests point a client
 * (a service's datasource, say) at {@link #port()} to make its server go away and come back for real.
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private CuttableTcpProxy(int targetPort, ServerSocket listener) {
        this.targetPort = targetPort;
        this.listener = listener;
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Starts forwarding a free local port to {@code targetPort} on the loopback interface. */
    public static CuttableTcpProxy to(int targetPort) {
        return new CuttableTcpProxy(targetPort, listen(0));
    }

    /** The address clients connect to. */
    public String host() {
        return LOOPBACK.getHostAddress();
    }

    public int port() {
        return port;
    }

    /** Closes every forwarded connection and refuses new ones. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(CuttableTcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Listens on the same port again. */
    public synchronized void restore() {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        daemon("accept " + port, () -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(LOOPBACK, targetPort);
                    sockets.add(client);
                    sockets.add(target);
                    pump(client, target);
                    pump(target, client);
                } catch (IOException e) {
                    // the listener was closed by cut(), or the target refused: the client sees a closed connection
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        daemon("pump " + from.getPort() + " to " + to.getPort(), () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by cut() or by either end
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, "cuttable-tcp-proxy " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // closing is all that was asked
        }
    }
}
