package io.liquid5gc.pfcp;

/**
 * The IEs of usage measurement and reporting (TS 29.244 8.2.13, 8.2.19, 8.2.21, 8.2.33, 8.2.40-8.2.45, 8.2.50,
 * 8.2.51, 8.2.77).
 */
public sealed interface UsageIe extends Ie {

    /** TS 29.244 8.2.40: Measurement Method (type 62): bit 1 DURAT, bit 2 VOLUM, bit 3 EVENT. */
    record MeasurementMethod(int flags) implements UsageIe {
        public static final int TYPE = 62;
        public static final int DURAT = 1;
        public static final int VOLUM = 2;
        public static final int EVENT = 4;

        public MeasurementMethod {
            Bits.range("measurement method", flags, 0xFF);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags);
        }

        static MeasurementMethod read(Octets v) {
            return new MeasurementMethod(v.u8());
        }
    }

    /**
     * TS 29.244 8.2.19: Reporting Triggers (type 37, 3 octets; earlier releases 2): {@code flags} holds octet 5 in bits
     * 0-7, octet 6 in 8-15, octet 7 in 16-23.
     */
    record ReportingTriggers(int flags) implements UsageIe {
        public static final int TYPE = 37;
        public static final int PERIO = 0x01;
        public static final int VOLTH = 0x02;
        public static final int TIMTH = 0x04;
        public static final int QUHTI = 0x08;
        public static final int START = 0x10;
        public static final int STOPT = 0x20;
        public static final int DROTH = 0x40;
        public static final int LIUSA = 0x80;
        public static final int VOLQU = 0x100;
        public static final int TIMQU = 0x200;

        public ReportingTriggers {
            Bits.range("reporting triggers", flags, 0xFF_FFFF);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags & 0xFF).u8(flags >> 8 & 0xFF).u8(flags >> 16);
        }

        static ReportingTriggers read(Octets v) {
            return new ReportingTriggers(Bits.littleFlags(v, 3));
        }
    }

    /**
     * TS 29.244 8.2.41: Usage Report Trigger (type 63, up to 3 octets): why a usage report was sent; {@code flags} holds
     * octet 5 in bits 0-7, octet 6 in 8-15, octet 7 in 16-23.
     */
    record UsageReportTrigger(int flags) implements UsageIe {
        public static final int TYPE = 63;
        public static final int PERIO = 0x01;
        public static final int VOLTH = 0x02;
        public static final int TIMTH = 0x04;
        public static final int QUHTI = 0x08;
        public static final int START = 0x10;
        public static final int STOPT = 0x20;
        public static final int DROTH = 0x40;
        public static final int IMMER = 0x80;
        public static final int VOLQU = 0x100;
        public static final int TIMQU = 0x200;
        public static final int LIUSA = 0x400;
        public static final int TERMR = 0x800;

        public UsageReportTrigger {
            Bits.range("usage report trigger", flags, 0xFF_FFFF);
        }

        public boolean has(int flag) {
            return (flags & flag) == flag;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags & 0xFF).u8(flags >> 8 & 0xFF).u8(flags >> 16);
        }

        static UsageReportTrigger read(Octets v) {
            return new UsageReportTrigger(Bits.littleFlags(v, 3));
        }
    }

    /** TS 29.244 8.2.13: Volume Threshold (type 31): octets, each of total/uplink/downlink present or null. */
    record VolumeThreshold(Long total, Long uplink, Long downlink) implements UsageIe {
        public static final int TYPE = 31;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            Bits.writeVolumes(out, total, uplink, downlink);
        }

        static VolumeThreshold read(Octets v) {
            Long[] x = Bits.readVolumes(v);
            return new VolumeThreshold(x[0], x[1], x[2]);
        }
    }

    /** TS 29.244 8.2.50: Volume Quota (type 73): octets, each of total/uplink/downlink present or null. */
    record VolumeQuota(Long total, Long uplink, Long downlink) implements UsageIe {
        public static final int TYPE = 73;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            Bits.writeVolumes(out, total, uplink, downlink);
        }

        static VolumeQuota read(Octets v) {
            Long[] x = Bits.readVolumes(v);
            return new VolumeQuota(x[0], x[1], x[2]);
        }
    }

    /**
     * TS 29.244 8.2.44: Volume Measurement (type 66): octets and packets measured, total/uplink/downlink, each present
     * or null (flags TOVOL, ULVOL, DLVOL, TONOP, ULNOP, DLNOP).
     */
    record VolumeMeasurement(Long totalOctets, Long uplinkOctets, Long downlinkOctets,
                             Long totalPackets, Long uplinkPackets, Long downlinkPackets) implements UsageIe {
        public static final int TYPE = 66;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            Long[] all = {totalOctets, uplinkOctets, downlinkOctets, totalPackets, uplinkPackets, downlinkPackets};
            int flags = 0;
            for (int i = 0; i < all.length; i++) {
                flags |= all[i] != null ? 1 << i : 0;
            }
            out.u8(flags);
            for (Long x : all) {
                if (x != null) {
                    out.uN(x, 8);
                }
            }
        }

        static VolumeMeasurement read(Octets v) {
            int flags = v.u8();
            Long[] x = new Long[6];
            for (int i = 0; i < 6; i++) {
                x[i] = (flags & 1 << i) != 0 ? v.uN(8) : null;
            }
            return new VolumeMeasurement(x[0], x[1], x[2], x[3], x[4], x[5]);
        }
    }

    /** TS 29.244 8.2.42: Duration Measurement (type 67): seconds, 4 octets. */
    record DurationMeasurement(long seconds) implements UsageIe {
        public static final int TYPE = 67;

        public DurationMeasurement {
            Bits.range("duration", seconds, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(seconds);
        }

        static DurationMeasurement read(Octets v) {
            return new DurationMeasurement(v.u32());
        }
    }

    /** TS 29.244 8.2.45: Start Time (type 75): NTP seconds. */
    record StartTime(long ntpSeconds) implements UsageIe {
        public static final int TYPE = 75;

        public StartTime {
            Bits.range("NTP seconds", ntpSeconds, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(ntpSeconds);
        }

        static StartTime read(Octets v) {
            return new StartTime(v.u32());
        }
    }

    /** TS 29.244 8.2.46: End Time (type 76): NTP seconds. */
    record EndTime(long ntpSeconds) implements UsageIe {
        public static final int TYPE = 76;

        public EndTime {
            Bits.range("NTP seconds", ntpSeconds, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(ntpSeconds);
        }

        static EndTime read(Octets v) {
            return new EndTime(v.u32());
        }
    }

    /** TS 29.244 8.2.77: UR-SEQN (type 104): the usage report's sequence number, 4 octets. */
    record UrSeqn(long value) implements UsageIe {
        public static final int TYPE = 104;

        public UrSeqn {
            Bits.range("UR-SEQN", value, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(value);
        }

        static UrSeqn read(Octets v) {
            return new UrSeqn(v.u32());
        }
    }

    /** TS 29.244 8.2.21: Report Type (type 39): bit 1 DLDR, 2 USAR, 3 ERIR, 4 UPIR, 5 TMIR, 6 SESR, 7 UISR. */
    record ReportType(int flags) implements UsageIe {
        public static final int TYPE = 39;
        public static final int DLDR = 0x01;
        public static final int USAR = 0x02;
        public static final int ERIR = 0x04;
        public static final int UPIR = 0x08;

        public ReportType {
            Bits.range("report type", flags, 0xFF);
        }

        public boolean has(int flag) {
            return (flags & flag) == flag;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags);
        }

        static ReportType read(Octets v) {
            return new ReportType(v.u8());
        }
    }

    /**
     * TS 29.244 8.2.27: Downlink Data Service Information (type 45): the Paging Policy Indication and the QFI of the
     * buffered downlink data, each present or null.
     */
    record DownlinkDataServiceInformation(Integer pagingPolicyIndication, Integer qfi) implements UsageIe {
        public static final int TYPE = 45;

        public DownlinkDataServiceInformation {
            if (pagingPolicyIndication != null) {
                Bits.range("PPI", pagingPolicyIndication, 63);
            }
            if (qfi != null) {
                Bits.range("QFI", qfi, 63);
            }
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8((pagingPolicyIndication != null ? 1 : 0) | (qfi != null ? 2 : 0));
            if (pagingPolicyIndication != null) {
                out.u8(pagingPolicyIndication);
            }
            if (qfi != null) {
                out.u8(qfi);
            }
        }

        static DownlinkDataServiceInformation read(Octets v) {
            int f = v.u8();
            Integer ppi = (f & 1) != 0 ? v.u8() & 0x3F : null;
            Integer qfi = (f & 2) != 0 ? v.u8() & 0x3F : null;
            return new DownlinkDataServiceInformation(ppi, qfi);
        }
    }
}
