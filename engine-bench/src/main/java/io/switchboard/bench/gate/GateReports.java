package io.switchboard.bench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a gate run's results for machines: a JSON document and a JUnit XML report (one test case per check, a
 * {@code <failure>} for each REGRESSED or ALLOCATES verdict) that CI servers show like test results. Slow path; the
 * gate's thread only.
 */
final class GateReports
{
    /** What one run decided, for the reports. */
    record Run(GateVerdicts verdicts, double threshold, boolean timingEnforced, String baseline, double calibration,
        double seconds)
    {
        boolean passed()
        {
            return verdicts.failures() == 0;
        }
    }

    private GateReports()
    {
    }

    static void writeJson(final Path file, final Run run) throws IOException
    {
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = mapper.createObjectNode();
        root.put("passed", run.passed());
        root.put("failures", run.verdicts().failures());
        root.put("threshold", run.threshold());
        root.put("timingEnforced", run.timingEnforced());
        if (run.baseline() == null)
        {
            root.putNull("baseline");
        }
        else
        {
            root.put("baseline", run.baseline());
        }
        root.put("calibrationNsPerOp", run.calibration());
        root.put("seconds", run.seconds());
        final ArrayNode checks = root.putArray("checks");
        for (final GateVerdicts.Row row : run.verdicts().rows())
        {
            final ObjectNode check = checks.addObject();
            check.put("name", row.name());
            check.put("nsPerOp", row.cost());
            check.put("normalised", row.normalised());
            putNumberOrNull(check, "baseline", row.baseline() == null ? Double.NaN : row.baseline());
            putNumberOrNull(check, "ratio", row.ratio());
            putNumberOrNull(check, "bytesPerOp", row.zeroAllocation() ? row.bytesPerOp() : Double.NaN);
            check.put("verdict", row.verdict().name());
        }
        createParent(file);
        mapper.writeValue(file.toFile(), root);
    }

    static void writeJunit(final Path file, final Run run, final String table) throws IOException
    {
        try
        {
            final Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            final Element suite = document.createElement("testsuite");
            document.appendChild(suite);
            suite.setAttribute("name", "engine-bench regression gate");
            suite.setAttribute("tests", Integer.toString(run.verdicts().rows().size()));
            suite.setAttribute("failures", Integer.toString(run.verdicts().failures()));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", String.format(Locale.ROOT, "%.3f", run.seconds()));
            for (final GateVerdicts.Row row : run.verdicts().rows())
            {
                final Element testCase = document.createElement("testcase");
                testCase.setAttribute("classname", RegressionGate.class.getName());
                testCase.setAttribute("name", row.name());
                testCase.setAttribute("time", "0");
                if (row.verdict() == GateVerdicts.Verdict.REGRESSED || row.verdict() == GateVerdicts.Verdict.ALLOCATES)
                {
                    final Element failure = document.createElement("failure");
                    failure.setAttribute("type", row.verdict().name());
                    failure.setAttribute("message", failureMessage(row, run.threshold()));
                    testCase.appendChild(failure);
                }
                suite.appendChild(testCase);
            }
            final Element out = document.createElement("system-out");
            out.setTextContent(table);
            suite.appendChild(out);
            createParent(file);
            final Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
        }
        catch (final ParserConfigurationException | TransformerException e)
        {
            throw new IOException("cannot write JUnit XML " + file + ": " + e.getMessage(), e);
        }
    }

    static String failureMessage(final GateVerdicts.Row row, final double threshold)
    {
        if (row.verdict() == GateVerdicts.Verdict.ALLOCATES)
        {
            return String.format(Locale.ROOT, "%s allocates %.4f B/op (limit %.2f B/op)", row.name(),
                row.bytesPerOp(), GateVerdicts.ALLOCATION_LIMIT_BYTES);
        }
        return String.format(Locale.ROOT, "%s is %.2fx its baseline (limit %.2fx), twice in a row", row.name(),
            row.ratio(), 1.0 + threshold);
    }

    private static void putNumberOrNull(final ObjectNode node, final String field, final double value)
    {
        if (Double.isNaN(value))
        {
            node.putNull(field);
        }
        else
        {
            node.put(field, value);
        }
    }

    private static void createParent(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
    }
}
