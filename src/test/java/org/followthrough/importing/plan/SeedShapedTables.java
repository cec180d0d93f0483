package org.followthrough.importing.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Action-plan tables shaped like the published plans the shipped content was transcribed from,
 * written as Word and Excel files the way those documents are built: the EPUT safety action plan
 * (one table per recommendation, a Term box of ticked options under the target, a row split over a
 * page break), the Birmingham domestic homicide review (one SMART table per agency, recommendation
 * headings as rows across the table, a cell merged down over two actions), and the P plan's
 * grading table (a number and a lead organisation across the table before each recommendation,
 * two "BY WHEN" columns, a row split over pages, the header repeated on the next page).
 */
final class SeedShapedTables {

    private SeedShapedTables() {
    }

    /** A cell merged across {@code columns} grid columns. */
    record Across(int columns, String text) {
    }

    /** The first cell of a run merged down over the rows below. */
    record Down(String text) {
    }

    /** A cell continuing the cell merged down from above. */
    static final Object CONTINUED = new Object();

    static final List<String> EPUT_HEADER = List.of("Safety action description (SMART)",
            "(Measurement Tool & frequency of monitoring (e.g. daily, monthly)", "Safety action owner (role, team directorate)",
            "Target date for implementation", "Progress, Comments & Evidence");

    static byte[] eputDocx() {
        Doc doc = new Doc();
        doc.paragraph("High Level - SAFETY ACTION PLAN");
        doc.paragraph("Action Plan Summary: Patient had been under the care of Essex Partnership University NHS Foundation Trust (EPUT) Community Mental Health Team since January 2017.");
        doc.paragraph("This Safety Action Plan is in response the recommendations as set out by NICHE following their independent review of the Patient Safety Incident.");
        doc.paragraph("Recommendation 1:");
        doc.paragraph("• Recording of the Community Mental Health Team’s multidisciplinary team meetings");
        doc.paragraph("• The community mental health team’s multidisciplinary team meeting notes did not routinely record who was present.");
        XWPFTable first = doc.table();
        doc.row(first, EPUT_HEADER.toArray());
        doc.row(first, "Community mental health teams multidisciplinary team meetings should record the practitioners present.",
                "Recordings/minutes of the MDT meetings", "Team Manager", "Completed",
                "Weekly zoning meetings bring together the full MDT.\n\nA RAG system highlights patients with escalating risks.");
        doc.row(first, "", "", "", "Term", "");
        doc.row(first, "", "", "", "Short ☒\n\nMedium ☐\n\nLong ☐", "");

        XWPFTable second = doc.table();
        doc.row(second, new Across(5, "Recommendation: 2\n\n• Changes to Care Programme Approach (CPA) status\n\n• Changes to CPA status were made without MDT discussion."));
        doc.row(second, EPUT_HEADER.toArray());
        doc.row(second, "The Trust must ensure that there is a mechanism to ensure that the policy expectation is implemented and",
                "Monthly", "Team Manager", "Completed", "Weekly zoning meetings bring together the full MDT. Decisions around which staff may be");
        doc.row(second, "", "", "", "Term", "");
        doc.row(second, "", "", "", "Short ☒", "");
        // The page breaks in the middle of the row: Word starts a new table with the rest of each cell.
        XWPFTable carried = doc.table();
        doc.row(carried, "standards of practice are monitored. MaST system acts as a tool to flag changes.", "", "",
                "Medium ☐ Long ☐", "completing pieces of work/treatment with patients are discussed.");

        XWPFTable seventh = doc.table();
        doc.row(seventh, new Across(5, "Recommendation 7\n\n• Risk assessment and formulation\n\n• There was no agreed formulation or understanding of the nature and degree of risk."));
        doc.row(seventh, EPUT_HEADER.toArray());
        doc.row(seventh, "The Clinical Risk Assessment and Safety Management Policy should include the expectation of an MDT approach.",
                "This is being delivered through training.", "Team Manager, psychological services", "Psychology training will be ongoing",
                "The service has strengthened its training offer.\n\nStaff receive monthly teaching from a Senior Psychologist.\n\n"
                        + "• Sessions are recorded and made available on Teams.\n• Senior managers also deliver training on care planning.");
        doc.row(seventh, "", "", "", "Term", "");
        doc.row(seventh, "", "", "", "Short ☐ Medium ☐ Long ☒", "");
        return doc.bytes();
    }

    static final List<String> BDHR_HEADER = List.of("Ref", "Action (SMART)", "Lead Officer and Agency", "Target Date for Completion",
            "Desired Outcome", "Monitoring Arrangements", "How will Success be Measured", "Outcome/Progress", "Written Evidence/ Location",
            "Status (RAG)", "Quality Assured by BCSP");

    static byte[] birminghamXlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            XSSFSheet nhs = book.createSheet("NHS");
            title(nhs, 0, "NHS - Domestic Homicide Review Action Plan BDHR2011/12-03");
            cells(nhs, 1, wrap, BDHR_HEADER.toArray(new String[0]));
            title(nhs, 2, "Key stakeholders, local Clinical Commissioning Group (CCG) and NHS England Area team work jointly to promote best practise in safeguarding and supporting carers.");
            cells(nhs, 3, wrap, "3.1.1", "Local Commissioners and NHS England to ensure that all healthcare providers have robust policies and procedures in place.",
                    "NHS Clinical Commissioning Groups, NHS England Birmingham, Solihull and Black Country Area Team", "Apr-14",
                    "Adults and Children are effectively safeguarded and protected from harm.", "Ongoing assurance processes and visits, Care Quality Commission Audits.",
                    "Joint CCG Safeguarding Business Plan, Section 11 Audits.", "in place and being monitored",
                    "Evidence to come from the products that are being used to monitor processes.", "", "To be verified on final audit");
            cells(nhs, 4, wrap, "3.1.2", "Local commissioned healthcare providers to ensure that existing health education documentation in supporting carer's needs is implemented effectively.",
                    "NHS Clinical Commissioning Groups, NHS England Birmingham, Solihull and Black Country Area Team", "30/11/2013",
                    "Robust practice in supporting safeguarding and supporting carers is in place.", "Included in all contracts and pre-registered training and induction syllabus",
                    "Local audit and monitoring, friends and family audits.", "ongoing implementation and monitoring",
                    "Evidence to come from Section 11 audits, Carers Strategy and NHS Standard contract.", "Green", "");
            // "Quality Assured by BCSP" merged down over both actions of the table.
            nhs.addMergedRegion(new CellRangeAddress(3, 4, 10, 10));

            XSSFSheet trust = book.createSheet("BSMHFT");
            title(trust, 0, "Birmingham & Solihull Mental Health Foundation Trust (BSMHFT) Domestic Homicide Review Action Plan BDHR2011/12-03");
            List<String> header = new java.util.ArrayList<>(BDHR_HEADER);
            header.set(1, "Action");
            cells(trust, 1, wrap, header.toArray(new String[0]));
            cells(trust, 2, wrap, "3.2.3", "BSMFHT will (i) record details of carers and significant others (ii) offer a carer's assessment and record if accepted or refused",
                    "BSMHFT - CPA and Carer's Lead. Lead Clinicians.", "Apr-14", "All carers are offered a carer's assessment.",
                    "CPA audit of records reported via BSMHFT Safeguarding Committee to BCSP (bi-annually over one year)", "Carers CQUIN",
                    "All carers will be offered a carer's assessment where appropriate.\nCQUIN achieved", "CPA Audit and Carer's CQUIN. Copy of Clinical Audit provided",
                    "", "To be verified by Commissioners");
            title(trust, 3, "Recommendations 5, 7 and 10: Improved record keeping, improved access to multi-agency records and care plans followed");
            cells(trust, 4, wrap, "3.5.1", "Undertake quality audit of record keeping and CPA Quality Audit", "BSMHFT - CPA Lead", "Apr-14",
                    "Compliance of CPA standards and guidance", "CPA audit of records reported via BSMHFT Safeguarding Committee to BCSP (bi-annually over one year)",
                    "Compliance of CPA standards and guidance", "Quality audit reports reported monthly", "CPA Audit and evidence supplied", "", "");
            // The header repeated where the printed table runs onto a second page.
            cells(trust, 5, wrap, header.toArray(new String[0]));
            title(trust, 6, "Recommendation 8: BSMHFT ensure that all risk assessments consider whether poor compliance with medication is an indicator of risk");
            cells(trust, 7, wrap, "3.8.2", "A documented briefing note sent out to all staff that poor compliance with medication is an indicator of risk.",
                    "BSMHFT - Investigations manager. Medical Director", "Sep-13", "",
                    "CPA audits/ case supervision/ protocol for management of longterm use of anti psychotic medication", "",
                    "This has been reinforced through risk training", "Evidence provided", "", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> P_HEADER = List.of("", "RECOMMENDATION", "DCO/Health and Justice/CCG OVERSIGHT", "ACCOUNTABLE LEAD", "BY WHEN",
            "PROGRESS as of 14 June 2017", "GRADING as at 28 November 2018", "FOLLOW UP ACTION REQUIRED post Quality Assurance Review", "BY WHEN");

    static byte[] pPlanDocx() {
        Doc doc = new Doc();
        doc.paragraph("Improvement Plan in response to recommendations outlined in the Independent Investigation into the Care and Treatment of P");
        doc.paragraph("28 November 2018");
        XWPFTable grades = doc.table();
        doc.row(grades, "Grade", "Criteria");
        doc.row(grades, "B", "Evidence of completeness and embeddedness");
        doc.row(grades, "D", "Partially complete");

        XWPFTable first = doc.table();
        doc.row(first, P_HEADER.toArray());
        doc.row(first, "1", new Across(8, "Black Country Partnership NHS Foundation Trust"));
        doc.row(first, "", "The Child and Family Service Operational Policy must provide clear guidance on how CAMHS clinicians are to work with other partner agencies in the assessment and support",
                "Local Overseen by NHS Sandwell and West Birmingham", "Joyce Fletcher Director of Nursing, Black Country Partnership NHS Foundation Trust",
                "Completed August 2016", "The Child and Family Service (CAFS) Operational Policy was last updated August 2016 and provides clear guidance to clinicians on how they should work in",
                "B", "The results of these audits are now reported at the CYP Divisional Quality and Safety Group each month.", "Complete and ongoing");
        // Page break: the rest of the row, in a table of its own with no header.
        XWPFTable carried = doc.table();
        doc.row(carried, "", "planning processes. Priority 2", "CCG", "", "",
                "partnership with the young person, their families and partner agencies.\n\n• Current assessment paperwork takes into account the family's needs.",
                "", "Where results identify sub-optimal practice, follow up action is taken through staff meetings.", "");

        // The next page repeats the header.
        XWPFTable next = doc.table();
        doc.row(next, P_HEADER.toArray());
        doc.row(next, "8", new Across(8, "HMP Hewell (Healthcare) and HMP Birmingham (Healthcare)"));
        doc.row(next, "", "Staff undertaking the initial Care Programme Approach Plan (CPA) must ensure that they liaise with all agencies. Priority 1",
                new Down("Local Overseen by NHS England Midlands and East"), "Health and Justice Commissioners NHS England North Midlands", "Completed",
                "HMPs Hewell and Birmingham: Staff liaise with known external agencies when undertaking CPA plans.", "D",
                "HMP Hewell\n\nCPA policy/guidance supplied", "30 November 2018\n\nComplete");
        doc.row(next, "", "", CONTINUED, "", "To be completed by Autumn 2018",
                "NHS England Midlands and East – North Midlands: The new prison clinical IT functionality will connect prisons to the national spine.", "", "", "");
        return doc.bytes();
    }

    /** A tracker as organisations keep them in Excel: a status column in the plan's own words. */
    /** A tracker of one recommendation, its cell of two lines printed again on every row. */
    static byte[] longTrackerXlsx(int rows) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle wrap = book.createCellStyle();
            XSSFSheet sheet = book.createSheet("Tracker");
            cells(sheet, 0, wrap, "No.", "Recommendation", "Action", "Lead", "Due date");
            for (int row = 1; row <= rows; row++) {
                cells(sheet, row, wrap, "1." + row, "Recommendation 1: Carers must be offered an assessment.\nThe trust should audit the offers.",
                        "Offer assessment " + row + ".",
                        "EPUT", "31/03/2026");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] trackerXlsx() {
        return tracker(
                new String[] {"No.", "Recommendation", "Action", "Lead", "Due date", "Status", "Update", "Service"},
                new String[] {"1.1", "Recommendation 1: Carers must be offered an assessment.", "Offer every carer an assessment at the first review.",
                    "Essex Partnership University NHS Foundation Trust", "31/03/2026", "Complete", "Offered at every first review since January.", "Community"},
                new String[] {"1.2", "Recommendation 1: Carers must be offered an assessment.", "Audit the offers each quarter.",
                    "EPUT", "Jun-26", "On track", "First audit done.", "Inpatient"},
                new String[] {"2.1", "Recommendation 2: Discharge letters reach the GP within a day.", "Send discharge letters electronically.",
                    "Kent County Council", "2026-09-30", "Not yet started", "", "Community"});
    }

    /**
     * A tracker whose recommendations head their actions on rows of their own, the number in the first column and
     * "Recommendation N: …" in the second, the rest of the row empty; each action's row below leaves the recommendation blank.
     */
    static byte[] trackerWithHeadingRowsXlsx() {
        return tracker(
                new String[] {"Ref", "Recommendation", "Action", "Lead", "By when", "Status"},
                new String[] {"1", "Recommendation 1: The Trust should improve risk assessment.", "", "", "", ""},
                new String[] {"1.1", "", "Review the risk assessment policy.", "EPUT", "31/03/2026", "Complete"},
                new String[] {"1.2", "", "Train every ward in the new policy.", "EPUT", "30/06/2026", "On track"},
                new String[] {"2", "Recommendation 2: Discharge letters reach the GP within a day.", "", "", "", ""},
                new String[] {"2.1", "", "Send discharge letters electronically.", "Kent County Council", "30/09/2026", "Not yet started"},
                new String[] {"3.1", "Recommendation 3: The board should review the plan each year.", "", "", "", ""});
    }

    /** A tracker with a column of the recommendations' numbers ("Rec No.") beside their text, repeated on each action's row. */
    static byte[] trackerWithRecommendationNumbersXlsx() {
        return tracker(
                new String[] {"Rec No.", "Recommendation", "Action", "Lead Agency", "Target date"},
                new String[] {"1", "The Trust should improve risk assessment.", "Review the risk assessment policy.", "EPUT", "31/03/2026"},
                new String[] {"1", "The Trust should improve risk assessment.", "Train every ward in the new policy.", "EPUT", "30/06/2026"},
                new String[] {"4", "Discharge letters reach the GP within a day.", "Send discharge letters electronically.",
                    "Kent County Council", "30/09/2026"});
    }

    /**
     * Numbers in a column of their own and "Recommendation N: …" beside them, each recommendation on a row of its own above its
     * actions (the first), or printed again on each action's row (the second, in plain words).
     */
    static byte[] trackerWithNumbersAndHeadingsXlsx() {
        return tracker(
                new String[] {"Rec No.", "Recommendation", "Action", "Lead Agency", "Target date"},
                new String[] {"1", "Recommendation 1: The Trust should improve risk assessment.", "", "", ""},
                new String[] {"", "", "Review the risk assessment policy.", "EPUT", "31/03/2026"},
                new String[] {"2", "Discharge letters reach the GP within a day.", "", "", ""},
                new String[] {"2", "Discharge letters reach the GP within a day.", "Send discharge letters electronically.",
                    "Kent County Council", "30/09/2026"});
    }

    /**
     * A tracker without a column of references, whose action cells begin with them ("1.1 Review …"), as many Word and Excel
     * plans print them; other actions' texts begin with numbers that are not their references.
     */
    static byte[] trackerWithReferencesInTheActionsXlsx() {
        return tracker(
                new String[] {"Rec No.", "Recommendation", "Action", "Lead Agency", "Target date"},
                new String[] {"1", "The Trust should improve risk assessment.", "1.1 Review the risk assessment policy.", "EPUT", "31/03/2026"},
                new String[] {"1", "The Trust should improve risk assessment.", "1.2. Train every ward in the new policy.", "EPUT", "30/06/2026"},
                new String[] {"1", "The Trust should improve risk assessment.", "1.5 million pounds is to be invested in training.", "EPUT",
                    "30/06/2026"},
                new String[] {"2", "Staff the crisis team fully.", "2.5 FTE posts recruited to the crisis team.", "EPUT", "30/09/2026"},
                new String[] {"12", "Discharge letters reach the GP within a day.", "12.03.2024 meeting of the board agreed the letters.",
                    "EPUT", "30/09/2026"});
    }

    /** The same without a column of recommendation numbers: the actions' printed references number them. */
    static byte[] trackerWithReferencesInTheActionsOnlyXlsx() {
        return tracker(
                new String[] {"Recommendation", "Action", "Lead Agency", "Target date"},
                new String[] {"The Trust should improve risk assessment.", "1.1 Review the risk assessment policy.", "EPUT", "31/03/2026"},
                new String[] {"The Trust should improve risk assessment.", "1.2 Train every ward in the new policy.", "EPUT", "30/06/2026"},
                new String[] {"Staff the crisis team fully.", "2.1 Recruit to the crisis team.", "EPUT", "30/09/2026"});
    }

    /** A workbook of one sheet, "Tracker", of these rows, the first the header. */
    private static byte[] tracker(String[]... rows) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle wrap = book.createCellStyle();
            XSSFSheet sheet = book.createSheet("Tracker");
            for (int i = 0; i < rows.length; i++) {
                cells(sheet, i, wrap, rows[i]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- writing Word tables as Word does

    private static final class Doc {
        final XWPFDocument document = new XWPFDocument();

        void paragraph(String text) {
            document.createParagraph().createRun().setText(text);
        }

        XWPFTable table() {
            XWPFTable table = document.createTable();
            table.removeRow(0);
            document.createParagraph(); // Word keeps a paragraph between tables
            return table;
        }

        void row(XWPFTable table, Object... cells) {
            XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
            for (Object cell : cells) {
                XWPFTableCell c = row.addNewTableCell();
                CTTcPr properties = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
                String text = "";
                if (cell instanceof Across across) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(across.columns()));
                    text = across.text();
                } else if (cell instanceof Down down) {
                    properties.addNewVMerge().setVal(STMerge.RESTART);
                    text = down.text();
                } else if (cell == CONTINUED) {
                    properties.addNewVMerge();
                } else {
                    text = (String) cell;
                }
                String[] paragraphs = text.split("\n\n|\n(?=•)");
                XWPFParagraph paragraph = c.getParagraphs().isEmpty() ? c.addParagraph() : c.getParagraphs().get(0);
                for (int i = 0; i < paragraphs.length; i++) {
                    if (i > 0) {
                        paragraph = c.addParagraph();
                    }
                    if (!paragraphs[i].isEmpty()) {
                        paragraph.createRun().setText(paragraphs[i]);
                    }
                }
            }
        }

        byte[] bytes() {
            try (document) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void title(XSSFSheet sheet, int row, String text) {
        sheet.createRow(row).createCell(0).setCellValue(text);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, BDHR_HEADER.size() - 1));
    }

    private static void cells(XSSFSheet sheet, int row, CellStyle style, String... texts) {
        XSSFRow r = sheet.createRow(row);
        for (int i = 0; i < texts.length; i++) {
            var cell = r.createCell(i);
            cell.setCellValue(texts[i]);
            cell.setCellStyle(style);
        }
    }
}
