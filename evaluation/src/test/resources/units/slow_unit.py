"""A function unit for DailyReplayPrewarmTest: python3 slow_unit.py PORT FUNCTION START_SECONDS.

Sleeps START_SECONDS before it listens (a cold start: a JVM's start-up, shortened), then answers readiness UP on
/actuator/health/readiness and POST /FUNCTION with 200. Exits on SIGTERM (Python's default).
"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, function, start = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
time.sleep(start)


class Handler(BaseHTTPRequestHandler):
    def _send(self, body):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._send('{"status":"UP"}')

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._send('{"function":"%s"}' % function)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    # the default listen backlog (5) overflows in the morning surge: connections the kernel drops are retried by the
    # client only after its SYN timer, and a busy machine pushed one past the runner's connect timeout (a 504)
    request_queue_size = 128
    daemon_threads = True


Server(("127.0.0.1", port), Handler).serve_forever()
