package dev.ascent.assessment.promotion;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as a PDF (Apache PDFBox): the blocks of {@link CaseDocument} laid out on A4 pages, every
 * evidence link written out in full and clickable. The standard Helvetica fonts cover Western
 * European text; a character they cannot show is written as "?" rather than failing the export.
 */
public final class CasePdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private CasePdf() {
    }

    public static byte[] render(CaseDtos.CaseView view) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Promotion case: "
                    + (view.person().name() == null ? view.person().id() : view.person().name()) + ", " + view.targetLevel());
            document.getDocumentInformation().setCreator("Ascent");
            new Writer(document).write(CaseDocument.of(view));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays out lines top to bottom, opening a page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPage page;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void write(List<CaseDocument.Block> blocks) throws IOException {
            newPage();
            for (CaseDocument.Block block : blocks) {
                switch (block) {
                    case CaseDocument.Heading h -> {
                        float size = h.level() == 1 ? 16 : h.level() == 2 ? 13 : 11;
                        y -= h.level() == 3 ? 4 : 10;
                        lines(h.text(), bold, size, 0, null);
                    }
                    case CaseDocument.Paragraph p -> {
                        for (String paragraph : p.text().split("\n")) {
                            lines(paragraph, regular, 10, 0, null);
                        }
                        y -= 4;
                    }
                    case CaseDocument.Item i -> lines("- " + i.text(), regular, 10, 10, i.link());
                }
            }
            stream.close();
        }

        private void lines(String text, PDType1Font font, float size, float indent, String link) throws IOException {
            float leading = size * 1.35f;
            for (String line : wrap(printable(text, font), font, size, WIDTH - indent)) {
                if (y - leading < MARGIN) {
                    stream.close();
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
                if (link != null) {
                    linkOver(link, MARGIN + indent, y - 2, font.getStringWidth(line) / 1000 * size, leading);
                }
            }
        }

        private void linkOver(String uri, float x, float y, float width, float height) throws IOException {
            PDAnnotationLink annotation = new PDAnnotationLink();
            PDActionURI action = new PDActionURI();
            action.setURI(uri);
            annotation.setAction(action);
            annotation.setRectangle(new PDRectangle(x, y, width, height));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            page.getAnnotations().add(annotation);
        }

        private void newPage() throws IOException {
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }

    /** Words to lines no wider than {@code width}; a word longer than a line (a long URL) is cut. */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with what the font cannot encode (and control characters) replaced. */
    static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        String normalised = text.replace("→", "->").replace('\t', ' ').replace('\r', ' ');
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            out.append(Character.isISOControl(cp) || !encodable(ch, font) ? "?" : ch);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean encodable(String ch, PDType1Font font) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
