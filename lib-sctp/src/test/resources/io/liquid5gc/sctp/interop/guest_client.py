# Runs inside the User-Mode-Linux guest (kernel SCTP, carried over UDP to the host per RFC 6951).
# Talks to the host's userspace SCTP endpoint at 10.0.2.2:38412 and prints "guest: ..." lines that
# the host-side test checks. Python's socket module has no sctp_sendmsg, so PPID and stream go in an
# SCTP_SNDRCV control message (struct sctp_sndrcvinfo, 32 bytes on Linux).
import socket, struct, sys, time

IPPROTO_SCTP = 132
SCTP_INITMSG = 2
SCTP_EVENTS = 11
SCTP_SNDRCV = 1
HOST = ("10.0.2.2", 38412)


def sndrcv(stream, ppid):
    return struct.pack("=HHHxxIIIIIi", stream, 0, 0, socket.htonl(ppid), 0, 0, 0, 0, 0)


def connect():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP)
    s.setsockopt(IPPROTO_SCTP, SCTP_INITMSG, struct.pack("=HHHH", 10, 10, 4, 0))
    s.setsockopt(IPPROTO_SCTP, SCTP_EVENTS, bytes([1]) + bytes(13))  # data_io_event: sndrcvinfo on recv
    s.settimeout(10)
    t = time.time()
    s.connect(HOST)
    print("guest: connected in %.3fs" % (time.time() - t), flush=True)
    return s


def send(s, stream, payload):
    s.sendmsg([payload], [(IPPROTO_SCTP, SCTP_SNDRCV, sndrcv(stream, 60))])


def recv(s):
    data, anc, flags, addr = s.recvmsg(70000, socket.CMSG_SPACE(32))
    stream, ppid = -1, -1
    for level, typ, val in anc:
        if level == IPPROTO_SCTP and typ == SCTP_SNDRCV and len(val) >= 12:
            stream = struct.unpack_from("=H", val, 0)[0]
            ppid = socket.ntohl(struct.unpack_from("=I", val, 8)[0])
    return data, stream, ppid


def main():
    # the kernel heartbeats an idle path every hb_interval + RTO (+/- jitter): keep both short
    for name, value in (("hb_interval", "500"), ("rto_min", "300"), ("rto_initial", "1000"), ("rto_max", "3000")):
        with open("/proc/sys/net/sctp/" + name, "w") as f:
            f.write(value)
    s = connect()
    ok = 0
    sizes = [20, 200, 1400, 5000, 20000]
    for i, size in enumerate(sizes):
        body = (b"%05d" % i) + bytes((i + k) & 0xFF for k in range(size - 5))
        send(s, i % 10, body)
        data, stream, ppid = recv(s)
        if data == body and stream == i % 10 and ppid == 60:
            ok += 1
        else:
            print("guest: echo mismatch for size %d: got %d bytes stream %d ppid %d" % (size, len(data), stream, ppid))
    print("guest: echoed %d/%d messages" % (ok, len(sizes)), flush=True)
    time.sleep(5)  # idle: heartbeats both ways
    send(s, 0, b"still-there")
    data, stream, ppid = recv(s)
    print("guest: after idle got %r" % data, flush=True)
    s.close()  # SHUTDOWN from the kernel
    print("guest: closed first association", flush=True)
    time.sleep(1)
    s = connect()
    send(s, 1, b"please-shutdown")
    try:
        data = s.recv(100)
        print("guest: host shutdown seen, recv returned %r" % data, flush=True)
    except Exception as e:
        print("guest: recv failed: %r" % e, flush=True)
    s.close()
    time.sleep(1)
    with open("/proc/net/sctp/snmp") as f:
        for line in f:
            if line.split()[0] in ("SctpActiveEstabs", "SctpShutdowns", "SctpAborteds", "SctpChecksumErrors",
                                   "SctpOutOfBlues", "SctpInSCTPPacks"):
                print("guest: snmp " + " ".join(line.split()), flush=True)


main()
