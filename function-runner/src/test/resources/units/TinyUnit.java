import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A real unit process for OsProcessRunnerTest, run by the JDK's source launcher: {@code java TinyUnit.java PORT
 * FUNCTION}; readiness UP at once, {@code POST /FUNCTION} answers its pid. Exits on SIGTERM (the JVM's default).
 */
public class TinyUnit {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/actuator/health/readiness", ex -> {
            byte[] b = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/" + args[1], ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] b = ("{\"pid\":" + ProcessHandle.current().pid() + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        System.out.println("tiny unit of " + args[1] + " listening on " + args[0]);
    }
}
