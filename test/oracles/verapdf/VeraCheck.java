// veraPDF PDF/A oracle (JDK 17 single-file launch, class path from scripts/install-validators.sh):
//   java -cp ".tools/verapdf/lib/*" test/oracles/verapdf/VeraCheck.java <file.pdf> [flavour, e.g. 2b]
// Validates against the given flavour, or else the one the file's XMP metadata declares (pdfaid:part/conformance).
// Prints one JSON line:
//   {"compliant":bool,"flavour":"2b","declared":"2b"|null,"failedRules":[{"rule","failedChecks","description","context"}]}
// then exits 0 (the verdict is in the JSON). Exit 1: the file declares no PDF/A flavour and none was given; exit 2:
// bad usage; any other non-zero exit means veraPDF itself failed.
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

public class VeraCheck {
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: VeraCheck <file.pdf> [flavour, e.g. 1b 2b 2u 3b]");
      System.exit(2);
    }
    VeraGreenfieldFoundryProvider.initialise();
    File pdf = new File(args[0]);
    PDFAFlavour declared = declaredFlavour(pdf);
    PDFAFlavour flavour = args.length == 2 ? PDFAFlavour.fromString(args[1]) : declared;
    if (flavour == null || flavour == PDFAFlavour.NO_FLAVOUR) {
      System.err.println(args.length == 2 ? "unknown flavour " + args[1] : pdf + " declares no PDF/A flavour");
      System.exit(args.length == 2 ? 2 : 1);
    }

    ValidationResult result;
    try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf, flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      result = validator.validate(parser);
    }

    // One entry per failed rule, in the order veraPDF reports them, with the first failing object as context.
    Map<String, String[]> failed = new LinkedHashMap<>();
    for (TestAssertion assertion : result.getTestAssertions()) {
      if (assertion.getStatus() != TestAssertion.Status.FAILED) continue;
      failed.putIfAbsent(
          ruleName(assertion.getRuleId()),
          new String[] {assertion.getMessage(), assertion.getLocation() == null ? null : assertion.getLocation().getContext()});
    }
    Map<RuleId, Integer> counts = result.getFailedChecks();

    StringBuilder json = new StringBuilder("{");
    json.append("\"compliant\":").append(result.isCompliant()).append(',');
    json.append("\"flavour\":").append(quote(flavour.getId())).append(',');
    json.append("\"declared\":").append(declared == null ? "null" : quote(declared.getId())).append(',');
    json.append("\"failedRules\":[");
    boolean first = true;
    for (Map.Entry<String, String[]> rule : failed.entrySet()) {
      int count = 0;
      for (Map.Entry<RuleId, Integer> c : counts.entrySet()) {
        if (ruleName(c.getKey()).equals(rule.getKey())) count = c.getValue();
      }
      json.append(first ? "{" : ",{");
      first = false;
      json.append("\"rule\":").append(quote(rule.getKey())).append(',');
      json.append("\"failedChecks\":").append(count).append(',');
      json.append("\"description\":").append(quote(rule.getValue()[0])).append(',');
      json.append("\"context\":").append(quote(rule.getValue()[1])).append('}');
    }
    System.out.println(json.append("]}"));
  }

  /** The flavour the XMP metadata declares, or null: auto-detection with no default flavour to fall back on. */
  private static PDFAFlavour declaredFlavour(File pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf, PDFAFlavour.NO_FLAVOUR, PDFAFlavour.NO_FLAVOUR)) {
      // getFlavour() throws on a file that declares nothing; the list is empty then.
      for (PDFAFlavour flavour : parser.getFlavours()) {
        if (flavour != PDFAFlavour.NO_FLAVOUR) return flavour;
      }
      return null;
    }
  }

  /** "6.2.11.4.1-1": the specification clause and test number, as veraPDF's reports and rule wiki name them. */
  private static String ruleName(RuleId id) {
    return id.getClause() + "-" + id.getTestNumber();
  }

  private static String quote(String value) {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
