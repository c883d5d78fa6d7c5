package org.segue.plugin.play.engine.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/** {@link Analytics} in a {@link StateCodec} snapshot. */
final class AnalyticsCodec {

    private AnalyticsCodec() {
    }

    static void write(DataOutputStream out, Analytics a) throws IOException {
        out.writeInt(a.users.size());
        for (Map.Entry<String, Analytics.User> e : a.users.entrySet()) {
            Analytics.User u = e.getValue();
            out.writeUTF(e.getKey());
            counts(out, u.plays);
            out.writeInt(u.mixes);
            out.writeInt(u.kept);
            out.writeInt(u.skipped);
            for (double v : u.energySum) {
                out.writeDouble(v);
            }
            out.writeInt(u.energySets);
            out.writeInt(u.months.size());
            for (Map.Entry<String, Analytics.Month> m : u.months.entrySet()) {
                out.writeUTF(m.getKey());
                out.writeDouble(m.getValue().bpmSum);
                out.writeInt(m.getValue().bpmCount);
                counts(out, m.getValue().keys);
            }
        }
        out.writeInt(a.plugins.size());
        for (Map.Entry<String, Analytics.Plugin> e : a.plugins.entrySet()) {
            Analytics.Plugin p = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(p.uses);
            out.writeLong(p.failures);
            out.writeUTF(p.lastFailure.length() > 1000 ? p.lastFailure.substring(0, 1000) : p.lastFailure);
            out.writeDouble(p.millisSum);
            out.writeInt(p.buckets.length);
            for (long b : p.buckets) {
                out.writeLong(b);
            }
        }
    }

    static void read(DataInputStream in, Analytics a) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            Analytics.User u = new Analytics.User();
            String user = in.readUTF();
            counts(in, u.plays);
            u.mixes = in.readInt();
            u.kept = in.readInt();
            u.skipped = in.readInt();
            for (int k = 0; k < u.energySum.length; k++) {
                u.energySum[k] = in.readDouble();
            }
            u.energySets = in.readInt();
            for (int m = in.readInt(); m > 0; m--) {
                Analytics.Month month = new Analytics.Month();
                String name = in.readUTF();
                month.bpmSum = in.readDouble();
                month.bpmCount = in.readInt();
                counts(in, month.keys);
                u.months.put(name, month);
            }
            a.users.put(user, u);
        }
        for (int i = in.readInt(); i > 0; i--) {
            Analytics.Plugin p = new Analytics.Plugin();
            String id = in.readUTF();
            p.uses = in.readLong();
            p.failures = in.readLong();
            p.lastFailure = in.readUTF();
            p.millisSum = in.readDouble();
            int n = in.readInt();
            if (n != p.buckets.length) {
                throw new IOException("latency buckets " + n + ", expected " + p.buckets.length);
            }
            for (int b = 0; b < n; b++) {
                p.buckets[b] = in.readLong();
            }
            a.plugins.put(id, p);
        }
    }

    private static void counts(DataOutputStream out, Map<String, Integer> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static void counts(DataInputStream in, Map<String, Integer> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            into.put(in.readUTF(), in.readInt());
        }
    }
}
