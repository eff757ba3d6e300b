import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Independent packet oracle, JDK only, written from the MOSIP server algorithms (keymanager
 * CryptomanagerServiceImpl/CryptoCore, packet-manager PacketKeeper/PacketValidator) rather than
 * from our TypeScript. Usage: java PacketOracle <packet.zip> <regKeyPkcs8.pem> <machineCert.pem>
 * Prints one "OK <check>" or "FAIL <check> <why>" line per check (each check name at most once,
 * `<subpacket>.<check>`) and "outerKey=<hex>"; exits 0 only when every check passes.
 */
public final class PacketOracle {
  private static final byte[] SPLITTER = "#KEY_SPLITTER#".getBytes(StandardCharsets.US_ASCII);
  private static int failures = 0;

  public static void main(String[] args) throws Exception {
    byte[] packet = Files.readAllBytes(Paths.get(args[0]));
    PrivateKey regKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(args[1], "PRIVATE KEY")));
    X509Certificate machineCert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Paths.get(args[2]))));
    byte[] container = decrypt("outer", packet, regKey, true);
    if (container == null) { System.exit(1); }
    Map<String, byte[]> entries = unzip(container);
    String fileName = Paths.get(args[0]).getFileName().toString();
    String packetId = fileName.substring(0, fileName.indexOf('.'));
    check("outer.zip", entries.size() == 6, entries.size() + " entries");
    for (String name : entries.keySet()) {
      if (!name.endsWith(".zip")) continue;
      String base = name.substring(0, name.length() - 4);
      String label = base.substring(base.lastIndexOf('_') + 1);
      byte[] encrypted = entries.get(name);
      byte[] metaBytes = entries.get(base + ".json");
      if (metaBytes == null) { check(label + ".json", false, "missing"); continue; }
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) new Json(new String(metaBytes, StandardCharsets.UTF_8)).parse();
      String packetName = base.substring(base.lastIndexOf('/') + 1);
      check(label + ".metadata", packetId.equals(meta.get("id")) && packetName.equals(meta.get("packetname")), meta.get("id") + " " + meta.get("packetname"));
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(encrypted);
      check(label + ".encryptedhash", Arrays.equals(hash, Base64.getUrlDecoder().decode((String) meta.get("encryptedhash"))), "");
      byte[] plain = decrypt(label, encrypted, regKey, false);
      if (plain == null) continue;
      Signature sig = Signature.getInstance("SHA256withRSA");
      sig.initVerify(machineCert.getPublicKey());
      sig.update(plain);
      check(label + ".signature", sig.verify(Base64.getUrlDecoder().decode((String) meta.get("signature"))), "");
      verifyHashes(label, unzip(plain));
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** Envelope: nonce(12) | aad(32) | thumbprint(32) | OAEP(key)(256) | #KEY_SPLITTER# | GCM ciphertext+tag. */
  private static byte[] decrypt(String label, byte[] data, PrivateKey key, boolean printKey) {
    try {
      byte[] nonce = Arrays.copyOfRange(data, 0, 12);
      byte[] aad = Arrays.copyOfRange(data, 12, 44);
      byte[] rest = Arrays.copyOfRange(data, 44, data.length);
      int split = indexOf(rest, SPLITTER);
      byte[] keyPart = Arrays.copyOfRange(rest, 0, split);
      byte[] body = Arrays.copyOfRange(rest, split + SPLITTER.length, rest.length);
      if (keyPart.length != 288) throw new IllegalStateException("key part is " + keyPart.length + " bytes");
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWITHSHA-256ANDMGF1PADDING");
      rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
      byte[] aesKey = rsa.doFinal(Arrays.copyOfRange(keyPart, 32, 288));
      if (printKey) System.out.println("outerKey=" + hex(aesKey));
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, nonce));
      aes.updateAAD(aad);
      byte[] plain = aes.doFinal(body);
      check(label + ".decrypt", true, "");
      return plain;
    } catch (Exception e) {
      check(label + ".decrypt", false, e.toString());
      return null;
    }
  }

  /**
   * Recomputes packet_data_hash / packet_operations_hash from the recorded sequences and compares them
   * with the files. Stricter than MOSIP's reader on purpose: packet-manager PacketValidator.checksumValidation
   * (release-1.2.0.x) passes a subpacket whose hash file is absent, but MOSIP's writer always writes
   * packet_data_hash.txt in every subpacket (PacketWriterImpl.addPacketDataHash) and packet_operations_hash.txt
   * in the default one with hashSequence2 (PacketWriterImpl.addOtherFilesToZip). So a hash file is required
   * where the writer writes one, and a missing file, a missing sequenced file or a wrong hash is a FAIL.
   */
  private static void verifyHashes(String label, Map<String, byte[]> files) throws Exception {
    Map<String, byte[]> byBase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String n = e.getKey();
      byBase.put(n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n, e.getValue());
    }
    byte[] metaInfo = byBase.get("packet_meta_info");
    if (metaInfo == null) { check(label + ".packet_meta_info", false, "missing"); return; }
    @SuppressWarnings("unchecked")
    Map<String, Object> identity = (Map<String, Object>) ((Map<String, Object>) new Json(new String(metaInfo, StandardCharsets.UTF_8)).parse()).get("identity");
    String[][] pairs = { { "hashSequence1", "packet_data_hash" }, { "hashSequence2", "packet_operations_hash" } };
    for (String[] pair : pairs) {
      @SuppressWarnings("unchecked")
      List<Object> seq = (List<Object>) identity.get(pair[0]);
      boolean required = pair[0].equals("hashSequence1") || label.equals("id") || (seq != null && !seq.isEmpty());
      byte[] recorded = byBase.get(pair[1]);
      if (recorded == null) {
        // an optional operations hash (not the default subpacket, no hashSequence2) is not checked at all
        if (required) check(label + "." + pair[1], false, "missing");
        continue;
      }
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<String> missing = new ArrayList<>();
      for (Object group : seq == null ? new ArrayList<Object>() : seq) {
        @SuppressWarnings("unchecked")
        List<Object> names = (List<Object>) ((Map<String, Object>) group).get("value");
        for (Object n : names) {
          byte[] f = byBase.get((String) n);
          if (f == null || f.length == 0) missing.add((String) n); else md.update(f);
        }
      }
      String actual = hex(md.digest()).toUpperCase();
      String written = new String(recorded, StandardCharsets.US_ASCII);
      if (!missing.isEmpty()) check(label + "." + pair[1], false, "sequenced file(s) missing: " + String.join(",", missing));
      else check(label + "." + pair[1], actual.equals(written), actual.equals(written) ? "" : "recomputed " + actual + " but file says " + written);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) out.put(e.getName(), readAll(in));
    }
    return out;
  }

  private static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    int n;
    while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
    return out.toByteArray();
  }

  private static void check(String name, boolean ok, String detail) {
    if (!ok) failures++;
    System.out.println((ok ? "OK " : "FAIL ") + name + (detail.isEmpty() ? "" : " " + detail));
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
      return i;
    }
    throw new IllegalStateException("no #KEY_SPLITTER#");
  }

  private static byte[] pem(String path, String type) throws Exception {
    String text = new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.US_ASCII);
    String body = text.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(String.format("%02x", x));
    return s.toString();
  }

  /** Minimal JSON reader (objects, arrays, strings, numbers, literals): the JDK has none. */
  private static final class Json {
    private final String s;
    private int i = 0;
    Json(String s) { this.s = s; }
    Object parse() { ws(); Object v = value(); ws(); return v; }
    private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
    private Object value() {
      ws();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>(); i++; ws();
        if (s.charAt(i) == '}') { i++; return m; }
        while (true) { ws(); String k = str(); ws(); i++; m.put(k, value()); ws(); if (s.charAt(i++) == '}') return m; }
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>(); i++; ws();
        if (s.charAt(i) == ']') { i++; return l; }
        while (true) { l.add(value()); ws(); if (s.charAt(i++) == ']') return l; }
      }
      if (c == '"') return str();
      int start = i;
      while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) i++;
      String t = s.substring(start, i);
      if (t.equals("null")) return null;
      if (t.equals("true") || t.equals("false")) return Boolean.valueOf(t);
      return Double.valueOf(t);
    }
    private String str() {
      StringBuilder b = new StringBuilder(); i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') return b.toString();
        if (c != '\\') { b.append(c); continue; }
        char e = s.charAt(i++);
        switch (e) {
          case 'n': b.append('\n'); break;
          case 't': b.append('\t'); break;
          case 'r': b.append('\r'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
          default: b.append(e);
        }
      }
    }
  }
}
