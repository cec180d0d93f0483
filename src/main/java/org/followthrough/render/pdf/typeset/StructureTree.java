package org.followthrough.render.pdf.typeset;

import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;

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
     * Writes the tree; gives the StructTreeRoot's reference. Each annotation gets its StructParent key
     * (numbered after the pages'), so annotations are written after this.
     *
     * @param owners for each page, the element owning each MCID
     */
    static PdfFile.Ref write(PdfFile file, Tag document, List<PdfFile.Ref> pages, List<List<Tag>> owners,
                             List<Tag.Annotation> annotations) {
        PdfFile.Ref root = file.reserve();
        COSDictionary dictionary = new COSDictionary();
        dictionary.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
        if (holdsAnything(document)) {
            number(file, document);
            dictionary.setItem(COSName.K, document.ref);
            write(file, document, root, pages);
        }
        COSArray nums = new COSArray();
        for (int page = 0; page < owners.size(); page++) {
            COSArray marks = new COSArray();
            for (Tag owner : owners.get(page)) {
                marks.add(owner.ref);
            }
            nums.add(COSInteger.get(page));
            nums.add(marks);
        }
        int key = owners.size();
        for (Tag.Annotation annotation : annotations) {
            annotation.dictionary().setInt(COSName.STRUCT_PARENT, key);
            nums.add(COSInteger.get(key));
            nums.add(annotation.owner().ref);
            key++;
        }
        COSDictionary parentTree = new COSDictionary();
        parentTree.setItem(COSName.NUMS, nums);
        dictionary.setItem(COSName.PARENT_TREE, parentTree);
        dictionary.setInt(COSName.PARENT_TREE_NEXT_KEY, key);
        file.write(root, dictionary);
        return root;
    }

    /** Whether an element holds marked content or an annotation, itself or below; cells always count. */
    private static boolean holdsAnything(Tag tag) {
        boolean any = tag.type.equals("TD") || tag.type.equals("TH");
        for (Object kid : tag.kids) {
            if (kid instanceof Tag child) {
                any |= holdsAnything(child);
            } else if (kid instanceof Tag.Content content) {
                any |= content.count() > 0;
            } else {
                any = true;
            }
        }
        if (!any) {
            tag.kids.clear();
        }
        return any;
    }

    /** Numbers the elements kept, in document order. */
    private static void number(PdfFile file, Tag tag) {
        tag.ref = file.reserve();
        for (Object kid : tag.kids) {
            if (kid instanceof Tag child && (!child.kids.isEmpty() || isCell(child))) {
                number(file, child);
            }
        }
    }

    private static boolean isCell(Tag tag) {
        return tag.type.equals("TD") || tag.type.equals("TH");
    }

    private static void write(PdfFile file, Tag tag, PdfFile.Ref parent, List<PdfFile.Ref> pages) {
        COSDictionary element = new COSDictionary();
        element.setItem(COSName.TYPE, STRUCT_ELEM);
        element.setItem(COSName.S, COSName.getPDFName(tag.type));
        element.setItem(COSName.P, parent);
        int page = firstPage(tag);
        if (page >= 0) {
            element.setItem(COSName.PG, pages.get(page));
        }
        COSArray kids = new COSArray();
        for (Object kid : tag.kids) {
            if (kid instanceof Tag child) {
                if (child.ref != null) {
                    kids.add(child.ref);
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
                        kids.add(reference);
                    }
                }
            } else if (kid instanceof Tag.Annotation annotation) {
                COSDictionary reference = new COSDictionary();
                reference.setItem(COSName.TYPE, OBJR);
                reference.setItem(COSName.PG, pages.get(annotation.page()));
                reference.setItem(OBJ, annotation.ref());
                kids.add(reference);
            }
        }
        if (kids.size() > 0) {
            element.setItem(COSName.K, kids);
        }
        if (tag.scope != null || tag.columns > 1 || tag.rows > 1) {
            COSDictionary table = attributes("Table", "Scope", tag.scope);
            if (tag.columns > 1) {
                table.setInt(COSName.getPDFName("ColSpan"), tag.columns);
            }
            if (tag.rows > 1) {
                table.setInt(COSName.getPDFName("RowSpan"), tag.rows);
            }
            element.setItem(COSName.A, table);
        } else if (tag.listNumbering != null) {
            element.setItem(COSName.A, attributes("List", "ListNumbering", tag.listNumbering));
        }
        file.write(tag.ref, element);
        for (Object kid : tag.kids) {
            if (kid instanceof Tag child && child.ref != null) {
                write(file, child, tag.ref, pages);
            }
        }
    }

    /** An attribute dictionary of an owner, with one name-valued attribute if {@code value} is not null. */
    private static COSDictionary attributes(String owner, String key, String value) {
        COSDictionary attributes = new COSDictionary();
        attributes.setItem(COSName.O, COSName.getPDFName(owner));
        if (value != null) {
            attributes.setItem(COSName.getPDFName(key), COSName.getPDFName(value));
        }
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
