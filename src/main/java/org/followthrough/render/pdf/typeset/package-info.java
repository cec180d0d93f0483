/**
 * A small typesetter for the PDF summaries: the HTML of the PDF templates in, a tagged PDF/UA-1 and
 * PDF/A-2a file out, built from PDFBox's COS objects.
 *
 * <p>In the order the work is done:
 * <ul>
 *   <li>{@link org.followthrough.render.pdf.typeset.Typesetter} is the entry point: one document in, its bytes out.</li>
 *   <li>{@code Stylesheet}, {@code Css}, {@code StyleNode} and {@code Style}: the part of CSS it reads, and each
 *       element's computed style (shared between elements in the same place).</li>
 *   <li>{@code Layout} turns elements into {@code Item}s down the page (lines, gaps, rules, table rows) and
 *       makes the structure elements ({@code Tag}) as it goes; {@code Paragraph} breaks text into lines;
 *       {@code Flow} collapses margins.</li>
 *   <li>{@code Paginator} places items on pages (keeping headings with what follows, splitting rows,
 *       repeating table headers); {@code PagePainter} writes each page's content as soon as it is full.</li>
 *   <li>{@code StructureTree} writes the tags; {@code DocumentFonts} and {@code FontSubset} embed the
 *       glyphs used; {@code FontProgram}, {@code FontFamily} and {@code FontSource} are the fonts, read
 *       once per process; {@code PdfFile} writes the file; {@code Xmp} is its metadata.</li>
 * </ul>
 */
package org.followthrough.render.pdf.typeset;
