package org.followthrough.render;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import freemarker.ext.util.WrapperTemplateModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Freemarker's own wrapper, with the views (public records) read directly: {@code plan.title} calls the record's
 * accessor through a handle found once per record class, instead of Freemarker's general bean model, which looks
 * the member up, takes a lock and keeps a cache of its own in every wrapped view. A template reads the same values
 * either way: a name that is not one of the record's components (a method such as {@code changes.isEmpty()}), and
 * {@code ?keys}, {@code ?values} and {@code ?size}, go to Freemarker's bean model as before. One difference: a view
 * is not text, so {@code ${view}} is a mistake in the template rather than the record's {@code toString()}, and
 * {@code view?has_content} never makes that string (a recommendation's is kilobytes) to find it is not empty.
 */
final class ViewWrapper extends DefaultObjectWrapper {

    /** Each public record class's components by name, as handles taking the record and returning the value. */
    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            if (!type.isRecord() || !isPublic(type)) {
                return null;
            }
            Map<String, MethodHandle> handles = new HashMap<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    handles.put(component.getName(), lookup.unreflect(component.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
            return Map.copyOf(handles);
        }
    };

    ViewWrapper(Version version) {
        super(version);
        writeProtect();
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
        Map<String, MethodHandle> components = COMPONENTS.get(object.getClass());
        return components == null ? super.handleUnknownType(object) : new RecordModel(object, components, this);
    }

    /** What the bean model would make of the record: for its methods, and as text. */
    private TemplateModel asBean(Object record) throws TemplateModelException {
        return super.handleUnknownType(record);
    }

    /** A record as a hash of its components, each read when asked for. */
    static final class RecordModel implements MethodCallAwareTemplateHashModel, TemplateHashModelEx, AdapterTemplateModel,
            WrapperTemplateModel {
        private final Object record;
        private final Map<String, MethodHandle> components;
        private final ViewWrapper wrapper;
        private TemplateModel bean;

        RecordModel(Object record, Map<String, MethodHandle> components, ViewWrapper wrapper) {
            this.record = record;
            this.components = components;
            this.wrapper = wrapper;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle accessor = components.get(key);
            if (accessor == null) {
                return ((TemplateHashModel) bean()).get(key);
            }
            return wrapper.wrap(read(accessor));
        }

        /** {@code view.title()} as well as {@code view.title}, as Freemarker allows for records. */
        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            MethodHandle accessor = components.get(key);
            if (accessor == null) {
                TemplateModel b = bean();
                return b instanceof MethodCallAwareTemplateHashModel aware ? aware.getBeforeMethodCall(key) : ((TemplateHashModel) b).get(key);
            }
            return (TemplateMethodModelEx) (List arguments) -> {
                if (!arguments.isEmpty()) {
                    throw new TemplateModelException(key + "() takes no arguments");
                }
                return wrapper.wrap(read(accessor));
            };
        }

        private Object read(MethodHandle accessor) throws TemplateModelException {
            try {
                return accessor.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(e);
            }
        }

        private TemplateModel bean() throws TemplateModelException {
            if (bean == null) {
                bean = wrapper.asBean(record);
            }
            return bean;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public int size() throws TemplateModelException {
            return ((TemplateHashModelEx) bean()).size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return ((TemplateHashModelEx) bean()).keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            return ((TemplateHashModelEx) bean()).values();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return record;
        }

        @Override
        public Object getWrappedObject() {
            return record;
        }
    }
}
