// EU DSS validation oracle (JDK 17 single-file launch, class path from scripts/install-validators.sh):
//   java -cp ".tools/dss/lib/*" test/oracles/dss/DssCheck.java <file.pdf> <trusted-root.pem> [--crl f]... [--ocsp f]...
// Prints one JSON line per signature:
//   {"id","format","indication","subIndication","signingTime","bestSignatureTime","timestamps":[…],"errors":[…]}
// then exits 0 (the verdict is in the JSON; a non-zero exit means DSS itself failed).
// Offline by construction: no AIA, OCSP or CRL fetching; revocation data comes only from the document or from the
// DER files passed with --crl/--ocsp.
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.ExternalResourcesOCSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

public class DssCheck {
  static {
    // Before the first logger exists: DSS logs every step at INFO; warnings still reach stderr.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: DssCheck <file.pdf> <trusted-root.pem> [--crl file.der]... [--ocsp file.der]...");
      System.exit(2);
    }
    List<String> crls = new ArrayList<>();
    List<String> ocsps = new ArrayList<>();
    for (int i = 2; i + 1 < args.length; i += 2) {
      if (args[i].equals("--crl")) crls.add(args[i + 1]);
      else if (args[i].equals("--ocsp")) ocsps.add(args[i + 1]);
      else {
        System.err.println("unknown option " + args[i]);
        System.exit(2);
      }
    }

    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(DSSUtils.loadCertificate(new File(args[1])));

    // `true`: no default sources are created; set them to null anyway so a DSS upgrade cannot add a network one.
    CommonCertificateVerifier verifier = new CommonCertificateVerifier(true);
    verifier.setAIASource(null);
    verifier.setCrlSource(crls.isEmpty() ? null : new ExternalResourcesCRLSource(crls.toArray(new String[0])));
    verifier.setOcspSource(ocsps.isEmpty() ? null : new ExternalResourcesOCSPSource(ocsps.toArray(new String[0])));
    verifier.setTrustedCertSources(trusted);

    SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(args[0]));
    validator.setCertificateVerifier(verifier);
    SimpleReport report = validator.validateDocument().getSimpleReport();

    for (String id : report.getSignatureIdList()) {
      StringBuilder json = new StringBuilder("{");
      field(json, "id", id);
      SignatureLevel format = report.getSignatureFormat(id);
      field(json, "format", format == null ? null : format.toString());
      field(json, "indication", name(report.getIndication(id)));
      field(json, "subIndication", name(report.getSubIndication(id)));
      field(json, "signingTime", time(report.getSigningTime(id)));
      field(json, "bestSignatureTime", time(report.getBestSignatureTime(id)));
      json.append("\"timestamps\":[");
      List<XmlTimestamp> timestamps = report.getSignatureTimestamps(id);
      for (int i = 0; i < timestamps.size(); i++) {
        XmlTimestamp ts = timestamps.get(i);
        json.append(i == 0 ? "{" : ",{");
        field(json, "id", ts.getId());
        field(json, "indication", name(ts.getIndication()));
        field(json, "subIndication", name(ts.getSubIndication()));
        field(json, "productionTime", time(ts.getProductionTime()));
        json.setLength(json.length() - 1);
        json.append('}');
      }
      json.append("],\"errors\":[");
      List<Message> errors = report.getAdESValidationErrors(id);
      for (int i = 0; i < errors.size(); i++) {
        json.append(i == 0 ? "" : ",").append(quote(errors.get(i).getValue()));
      }
      json.append("]}");
      System.out.println(json);
    }
  }

  private static String name(Indication indication) {
    return indication == null ? null : indication.name();
  }

  private static String name(SubIndication subIndication) {
    return subIndication == null ? null : subIndication.name();
  }

  private static String time(Date date) {
    return date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
  }

  private static void field(StringBuilder json, String key, String value) {
    json.append(quote(key)).append(':').append(value == null ? "null" : quote(value)).append(',');
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
