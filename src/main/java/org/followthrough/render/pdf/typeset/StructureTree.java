package org.followthrough.render.pdf.typeset;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Writes the tags made during layout as the PDF's structure tree: each element with its kids in reading
 * order (elements, marked-content ids, link annotations), and the parent tree that leads from each
 * page's marked content and each annotation back to its element. Elements that ended up holding
 * nothing are left out, except table cells, which keep every row of a table as wide as the others.
 */
final class StructureTree {

    private static final COSName STRUCT_ELEM = COSName.getPDFName("StructElem");
    private static final COSName MCR = COSName.getPDFName("MCR");
    private static final COSName OBJR = COSName.getPDFName("OBJR");
    private static final COSName MCID = COSName.getPDFName("MCID");
    private static final COSName OBJ = COSName.getPDFName("Obj");

    private StructureTree() {
    }

    /**
     * The StructTreeRoot dictionary.
     *
     * @param owners for each page, the element owning each MCID
     * @param annotations every link annotation, in the order their StructParent keys are given (after the pages')
     */
    static COSDictionary write(Tag document, List<PDPage> pages, List<List<Tag>> owners, List<Tag.Annotation> annotations) {
        COSDictionary root = new COSDictionary();
        root.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
        Map<Tag, COSDictionary> dictionaries = new IdentityHashMap<>();
        COSDictionary top = element(document, root, pages, dictionaries);
        if (top != null) {
            root.setItem(COSName.K, top);
        }

        COSArray nums = new COSArray();
        for (int page = 0; page < owners.size(); page++) {
            COSArray marks = new COSArray();
            for (Tag owner : owners.get(page)) {
                marks.add(dictionaries.get(owner));
            }
            nums.add(COSInteger.get(page));
            nums.add(marks);
        }
        int key = owners.size();
        for (Tag.Annotation annotation : annotations) {
            annotation.dictionary().setInt(COSName.STRUCT_PARENT, key);
            nums.add(COSInteger.get(key));
            nums.add(dictionaries.get(annotation.owner()));
            key++;
        }
        COSDictionary parentTree = new COSDictionary();
        parentTree.setItem(COSName.NUMS, nums);
        root.setItem(COSName.PARENT_TREE, parentTree);
        root.setInt(COSName.PARENT_TREE_NEXT_KEY, key);
        return root;
    }

    private static COSDictionary element(Tag tag, COSDictionary parent, List<PDPage> pages,
                                         Map<Tag, COSDictionary> dictionaries) {
        COSDictionary element = new COSDictionary();
        COSArray kids = new COSArray();
        int page = firstPage(tag);
        for (Object kid : tag.kids) {
            if (kid instanceof Tag child) {
                COSDictionary written = element(child, element, pages, dictionaries);
                if (written != null) {
                    kids.add(written);
                }
            } else if (kid instanceof Tag.Content content) {
                for (int i = 0; i < content.count(); i++) {
                    if (content.page(i) == page) {
                        kids.add(COSInteger.get(content.mcid(i)));
                    } else {
                        COSDictionary reference = new COSDictionary();
                        reference.setItem(COSName.TYPE, MCR);
                        reference.setItem(COSName.PG, pages.get(content.page(i)));
                        reference.setInt(MCID, content.mcid(i));
                        reference.setDirect(true);
                        kids.add(reference);
                    }
                }
            } else if (kid instanceof Tag.Annotation annotation) {
                COSDictionary reference = new COSDictionary();
                reference.setItem(COSName.TYPE, OBJR);
                reference.setItem(COSName.PG, pages.get(annotation.page()));
                reference.setItem(OBJ, annotation.dictionary());
                reference.setDirect(true);
                kids.add(reference);
            }
        }
        boolean cell = tag.type.equals("TD") || tag.type.equals("TH");
        if (kids.size() == 0 && !cell) {
            return null;
        }
        element.setItem(COSName.TYPE, STRUCT_ELEM);
        element.setItem(COSName.S, COSName.getPDFName(tag.type));
        element.setItem(COSName.P, parent);
        if (page >= 0) {
            element.setItem(COSName.PG, pages.get(page));
        }
        if (kids.size() > 0) {
            element.setItem(COSName.K, kids);
        }
        if (tag.scope != null) {
            element.setItem(COSName.A, attributes("Table", "Scope", tag.scope));
        } else if (tag.listNumbering != null) {
            element.setItem(COSName.A, attributes("List", "ListNumbering", tag.listNumbering));
        }
        dictionaries.put(tag, element);
        return element;
    }

    private static COSDictionary attributes(String owner, String key, String value) {
        COSDictionary attributes = new COSDictionary();
        attributes.setItem(COSName.O, COSName.getPDFName(owner));
        attributes.setItem(COSName.getPDFName(key), COSName.getPDFName(value));
        attributes.setDirect(true);
        return attributes;
    }

    /** The page of the first content the element holds itself, or -1. */
    private static int firstPage(Tag tag) {
        for (Object kid : tag.kids) {
            if (kid instanceof Tag.Content content && content.count() > 0) {
                return content.page(0);
            }
            if (kid instanceof Tag.Annotation annotation) {
                return annotation.page();
            }
        }
        return -1;
    }
}
