package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.IeContainer;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.ProcedureCode;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one ProtocolIE-Container value maps to its record: the IE table in the order of TS 38.413 (which is the
 * encoding order), a constructor from {@link Slots} and the reverse extraction.
 */
public final class ContainerDescriptor<M extends IeContainer> {
    final Class<M> type;
    final ProcedureCode procedureCode;
    final MessageType messageType;
    final IeSpec[] specs;
    final int nLongs;
    final int nObjects;
    final Function<Slots, M> build;
    final BiConsumer<M, Slots> extract;
    private final byte[] indexById;

    ContainerDescriptor(Class<M> type, ProcedureCode procedureCode, MessageType messageType,
                        Function<Slots, M> build, BiConsumer<M, Slots> extract, IeSpec... specs) {
        if (specs.length > 64) {
            throw new IllegalArgumentException("at most 64 typed IEs");
        }
        this.type = type;
        this.procedureCode = procedureCode;
        this.messageType = messageType;
        this.specs = specs;
        this.build = build;
        this.extract = extract;
        int maxId = 0;
        int nl = 0;
        int no = 0;
        for (IeSpec s : specs) {
            maxId = Math.max(maxId, s.id);
            if (s.isLong()) {
                nl = Math.max(nl, s.slot + 1);
            } else {
                no = Math.max(no, s.slot + 1);
            }
        }
        this.nLongs = nl;
        this.nObjects = no;
        this.indexById = new byte[maxId + 1];
        Arrays.fill(indexById, (byte) -1);
        for (int i = 0; i < specs.length; i++) {
            indexById[specs[i].id] = (byte) i;
        }
    }

    int indexOf(int id) {
        return id < indexById.length ? indexById[id] : -1;
    }

    public Class<M> type() {
        return type;
    }

    public ProcedureCode procedureCode() {
        return procedureCode;
    }

    public MessageType messageType() {
        return messageType;
    }
}
