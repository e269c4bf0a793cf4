package io.liquid5gc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PacketCodecTest {
    final PacketCodec codec = new PacketCodec();

    /** Packets captured from the Linux kernel's SCTP over UDP (and our replies) in the UML interop run. */
    static Stream<Path> capturedPackets() throws IOException {
        Path dir = Path.of("src/test/resources/io/liquid5gc/sctp/wire/PacketCodecFuzzTestInputs/fuzzDecode");
        return Files.list(dir).filter(p -> p.getFileName().toString().startsWith("uml-capture")).sorted();
    }

    @ParameterizedTest
    @MethodSource("capturedPackets")
    void whenKernelPacketIsDecoded_thenChecksumVerifiesAndReencodingIsIdentical(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Decoded<Packet> d = codec.decode(b, 0, b.length);
        assertThat(d).isInstanceOf(Decoded.Ok.class);
        Packet p = ((Decoded.Ok<Packet>) d).value();
        assertThat(PacketWriter.encode(p)).isEqualTo(b);
    }

    @Test
    void whenKernelInitIsDecoded_thenFieldsMatchWhatTheKernelSent() throws IOException {
        byte[] b = Files.readAllBytes(Path.of(
                "src/test/resources/io/liquid5gc/sctp/wire/PacketCodecFuzzTestInputs/fuzzDecode/uml-capture-types-1"));
        Packet p = ((Decoded.Ok<Packet>) codec.decode(b, 0, b.length)).value();
        assertThat(p.destinationPort()).isEqualTo(38412);
        assertThat(p.verificationTag()).isZero();
        Chunk.Init init = (Chunk.Init) p.chunks().getFirst();
        assertThat(init.outboundStreams()).isEqualTo(10); // SCTP_INITMSG set by guest_client.py
        assertThat(init.params()).extracting(Param::type).contains(0x000C); // Supported Address Types
    }

    @ParameterizedTest
    @CsvSource({
        // hex packet, expected error
        "'0000', TRUNCATED_HEADER",
        "'13889c0c1122334400000000 03000000', BAD_CHUNK_LENGTH",
        "'13889c0c1122334400000000 030000c8', BAD_CHUNK_LENGTH",
        "'13889c0c1122334400000000 03000008 00000001', CHUNK_TOO_SHORT",
        "'13889c0c1122334400000000 03000010 00000001 000003e8 01f401f4', BAD_SACK_COUNTS",
        "'13889c0c1122334400000000 01000018 00000001 000003e8 000a000a 00000005 c0000028', BAD_TLV_LENGTH",
    })
    void whenPacketIsMalformed_thenDecodingFailsWithAValue(String hex, ParseError expected) {
        byte[] b = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
        assertThat(codec.decode(b, 0, b.length, false)).isInstanceOfSatisfying(Decoded.Failed.class,
                f -> assertThat(f.error()).isEqualTo(expected));
    }

    @Test
    void whenChecksumIsWrong_thenBadChecksum() {
        byte[] b = PacketWriter.encode(new Packet(1, 2, 3, List.of(new Chunk.CookieAck())));
        b[b.length - 1] ^= 1;
        assertThat(codec.decode(b, 0, b.length)).isEqualTo(Decoded.failed(ParseError.BAD_CHECKSUM, 8));
    }

    @Test
    void whenEveryChunkTypeIsEncoded_thenItDecodesBack() {
        List<Chunk> chunks = List.of(
                new Chunk.Data(Chunk.Data.FLAG_B | Chunk.Data.FLAG_E | Chunk.Data.FLAG_U, 7, 3, 9, 60, new byte[] {1, 2, 3}),
                new Chunk.Sack(5, 1000, new int[] {2, 3, 5, 9}, new int[] {4}),
                new Chunk.Heartbeat(new byte[] {0, 1, 0, 6, 9, 9}), new Chunk.HeartbeatAck(new byte[] {0, 1, 0, 5, 1}),
                new Chunk.Shutdown(77), new Chunk.ShutdownAck(), new Chunk.ShutdownComplete(true),
                new Chunk.Error(List.of(ErrorCause.staleCookie(5), ErrorCause.invalidStream(3))),
                new Chunk.Abort(true, List.of(ErrorCause.protocolViolation("x"))), new Chunk.CookieEcho(new byte[] {5, 5, 5}),
                new Chunk.CookieAck(), new Chunk.Unknown(0xC1, 7, new byte[] {1}),
                new Chunk.Init(1, 2, 3, 4, 5, List.of(new Param(0xC000, new byte[0]), new Param(9, new byte[] {0, 0, 1, 0}))),
                new Chunk.InitAck(6, 7, 8, 9, 10, List.of(new Param(7, new byte[] {1, 2, 3, 4, 5}))));
        byte[] b = PacketWriter.encode(new Packet(5000, 38412, 0x01020304, chunks));
        Packet p = ((Decoded.Ok<Packet>) codec.decode(b, 0, b.length)).value();
        assertThat(p.chunks()).hasSize(chunks.size());
        assertThat(PacketWriter.encode(p)).isEqualTo(b);
        assertThat(p.chunks().get(1)).isInstanceOfSatisfying(Chunk.Sack.class, s -> {
            assertThat(s.gapBlocks()).containsExactly(2, 3, 5, 9);
            assertThat(s.duplicateTsns()).containsExactly(4);
        });
        assertThat(((Chunk.InitAck) p.chunks().getLast()).cookie()).containsExactly(1, 2, 3, 4, 5);
        assertThat(p.chunks().get(11)).isInstanceOfSatisfying(Chunk.Unknown.class, u -> {
            assertThat(u.type()).isEqualTo(0xC1);
            assertThat(u.flags()).isEqualTo(7);
            assertThat(u.value()).containsExactly(1);
        });
    }

    @Test
    void whenUnknownTypesAreClassified_thenHighBitsDecide() {
        assertThat(UnknownAction.ofChunkType(0x3F)).isEqualTo(UnknownAction.STOP);
        assertThat(UnknownAction.ofChunkType(0x40)).isEqualTo(UnknownAction.STOP_AND_REPORT);
        assertThat(UnknownAction.ofChunkType(0x80)).isEqualTo(UnknownAction.SKIP);
        assertThat(UnknownAction.ofChunkType(0xC0)).isEqualTo(UnknownAction.SKIP_AND_REPORT);
        assertThat(UnknownAction.ofParamType(0x8008)).isEqualTo(UnknownAction.SKIP);
        assertThat(UnknownAction.ofParamType(0xC000)).isEqualTo(UnknownAction.SKIP_AND_REPORT);
        assertThat(ChunkType.of(14)).isEqualTo(ChunkType.SHUTDOWN_COMPLETE);
        assertThat(ChunkType.of(12)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        // RFC 3720 B.4 CRC32c examples (32 bytes each), value as returned by CRC32C
        "00, 0, 8a9136aa",
        "ff, 0, 62a8ab43",
        "00, 1, 46dd794e",
        "1f, -1, 113fdb5c"})
    void whenCrc32cOfRfc3720Vectors_thenValuesMatch(String start, int step, String expected) {
        byte[] b = new byte[32];
        int v = Integer.parseInt(start, 16);
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (v + step * i);
        }
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b);
        assertThat(Long.toHexString(c.getValue())).isEqualTo(expected);
    }
}
