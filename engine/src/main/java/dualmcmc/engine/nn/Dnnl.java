package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The process's oneDNN (JavaCPP's org.bytedeco:dnnl, called through its C API), for convolutions
 * that keep their primitives and reordered weights between calls ({@link DnnlConvolution}).
 *
 * <p>The C API rather than the C++ one: its handles are plain addresses with no JavaCPP
 * deallocator, so nothing the layers cache can be freed behind their back by the GC; every handle
 * is destroyed explicitly, once.
 *
 * <p>Threads: libdnnl is built with OpenMP and ships its own libgomp.so.1, but JavaCPP links the
 * one already loaded instead (its cache gets a symlink to nd4j-native's, and /proc/self/maps shows
 * a single libgomp), and ND4J is loaded first here, so there is one OpenMP runtime in the process
 * and the per-thread one-thread setting of {@code Nd4jSetup} applies to these convolutions too
 * (process CPU equals the calling thread's: DnnlConvolutionTest). One stream per thread, never
 * destroyed (a few hundred bytes per thread that ever ran a convolution); one engine per process.
 */
final class Dnnl {
    private static final dnnl_engine ENGINE = load();
    private static final ThreadLocal<dnnl_stream> STREAM = ThreadLocal.withInitial(Dnnl::newStream);
    /**
     * Every primitive gets a scratchpad of its own ({@link DnnlStep}): oneDNN's default one is a
     * buffer of the thread that made the primitive, which a run on another thread does not find.
     */
    private static final dnnl_primitive_attr OWN_SCRATCHPAD = ownScratchpad();

    private Dnnl() {
    }

    /** Whether the direct route can run: ND4J on the CPU (host memory) and the natives loaded. */
    static boolean available() {
        return ENGINE != null;
    }

    private static dnnl_engine load() {
        try {
            // also loads ND4J's natives, and with them the libgomp that libdnnl will share
            if (!Nd4j.getEnvironment().isCPU()) {
                return null;
            }
            Loader.load(dnnl.class);
            PointerPointer<dnnl_engine> out = new PointerPointer<>(1);
            check(dnnl.dnnl_engine_create(out, dnnl.dnnl_cpu, 0), "engine_create");
            return out.get(dnnl_engine.class, 0);
        } catch (Throwable e) {
            // UnsatisfiedLinkError (no natives for this platform, no libOpenCL.so.1) and the like:
            // the libnd4j convolutions still work, only slower
            System.err.println("oneDNN convolutions unavailable, using libnd4j's: " + e);
            return null;
        }
    }

    private static dnnl_primitive_attr ownScratchpad() {
        if (ENGINE == null) {
            return null;
        }
        PointerPointer<dnnl_primitive_attr> out = new PointerPointer<>(1);
        check(dnnl.dnnl_primitive_attr_create(out), "primitive_attr_create");
        dnnl_primitive_attr attr = out.get(dnnl_primitive_attr.class, 0);
        check(dnnl.dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl.dnnl_scratchpad_mode_user),
                "primitive_attr_set_scratchpad_mode");
        return attr;
    }

    private static dnnl_stream newStream() {
        PointerPointer<dnnl_stream> out = new PointerPointer<>(1);
        check(dnnl.dnnl_stream_create(out, ENGINE, dnnl.dnnl_stream_default_flags), "stream_create");
        return out.get(dnnl_stream.class, 0);
    }

    /**
     * The instruction set oneDNN's kernels use here: the CPU's best unless {@code ONEDNN_MAX_CPU_ISA}
     * caps it. It decides the blocked layouts the primitives choose (8 channels a block up to AVX2,
     * 16 on AVX-512), and with them which linked convolutions can keep their maps (see
     * {@link DnnlConvolution}). Null where the direct route is unavailable.
     */
    static String effectiveIsa() {
        if (!available()) {
            return null;
        }
        int isa = dnnl.dnnl_get_effective_cpu_isa();
        int[] codes = {dnnl.dnnl_cpu_isa_sse41, dnnl.dnnl_cpu_isa_avx, dnnl.dnnl_cpu_isa_avx2,
                dnnl.dnnl_cpu_isa_avx2_vnni, dnnl.dnnl_cpu_isa_avx512_mic, dnnl.dnnl_cpu_isa_avx512_mic_4ops,
                dnnl.dnnl_cpu_isa_avx512_core, dnnl.dnnl_cpu_isa_avx512_core_vnni,
                dnnl.dnnl_cpu_isa_avx512_core_bf16, dnnl.dnnl_cpu_isa_avx512_core_amx};
        String[] names = {"sse41", "avx", "avx2", "avx2_vnni", "avx512_mic", "avx512_mic_4ops", "avx512_core",
                "avx512_core_vnni", "avx512_core_bf16", "avx512_core_amx"};
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == isa) {
                return names[i];
            }
        }
        return "isa-0x" + Integer.toHexString(isa);
    }

    static dnnl_engine engine() {
        return ENGINE;
    }

    static void check(int status, String what) {
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN " + what + " failed with status " + status);
        }
    }

    /** A plain (nchw, oihw or x) f32 descriptor of the given dimensions, or format_tag::any. */
    static dnnl_memory_desc_t desc(long[] dims, int tag) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl.dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl.dnnl_f32, tag), "memory_desc_init");
        return md;
    }

    /**
     * A descriptor of one's own: those a primitive descriptor hands out live inside it and go with
     * it. (oneDNN 2.x descriptors are plain structs; JavaCPP frees the copy with its Java object.)
     */
    static dnnl_memory_desc_t copy(dnnl_memory_desc_t md) {
        dnnl_memory_desc_t c = new dnnl_memory_desc_t();
        Pointer.memcpy(c, md, Loader.sizeof(dnnl_memory_desc_t.class));
        return c;
    }

    static dnnl_primitive_desc primitiveDesc(Pointer opDesc, dnnl_primitive_desc hint, String what) {
        PointerPointer<dnnl_primitive_desc> out = new PointerPointer<>(1);
        check(dnnl.dnnl_primitive_desc_create(out, new org.bytedeco.dnnl.const_dnnl_op_desc_t(opDesc), OWN_SCRATCHPAD,
                ENGINE, hint), what);
        return out.get(dnnl_primitive_desc.class, 0);
    }

    static dnnl_primitive primitive(dnnl_primitive_desc pd, String what) {
        PointerPointer<dnnl_primitive> out = new PointerPointer<>(1);
        check(dnnl.dnnl_primitive_create(out, pd), what);
        return out.get(dnnl_primitive.class, 0);
    }

    /** A memory over {@code buffer}: null (set per call), a buffer owned elsewhere, or {@link #ALLOCATE}. */
    static dnnl_memory memory(dnnl_memory_desc_t md, Pointer buffer) {
        PointerPointer<dnnl_memory> out = new PointerPointer<>(1);
        check(dnnl.dnnl_memory_create(out, md, ENGINE, buffer), "memory_create");
        return out.get(dnnl_memory.class, 0);
    }

    /** A buffer of at least {@code bytes} that oneDNN allocates (aligned for its kernels) and frees with the memory. */
    static dnnl_memory scratch(long bytes) {
        return memory(desc(new long[]{Math.max(1, (bytes + 3) / 4)}, dnnl.dnnl_x), ALLOCATE);
    }

    /**
     * Points a memory at an array's native buffer (checked dense, FLOAT and of the memory's size by
     * the caller); the caller keeps the array reachable until the primitive has run.
     */
    static void pointAt(dnnl_memory m, INDArray a) {
        check(dnnl.dnnl_memory_set_data_handle(m, a.data().addressPointer()), "memory_set_data_handle");
    }

    static Pointer handle(dnnl_memory m) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        check(dnnl.dnnl_memory_get_data_handle(m, out), "memory_get_data_handle");
        return out.get(0);
    }

    static dnnl_primitive_desc reorderDesc(dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        PointerPointer<dnnl_primitive_desc> out = new PointerPointer<>(1);
        check(dnnl.dnnl_reorder_primitive_desc_create(out, from, ENGINE, to, ENGINE, OWN_SCRATCHPAD),
                "reorder_primitive_desc_create");
        return out.get(dnnl_primitive_desc.class, 0);
    }

    /** DNNL_MEMORY_ALLOCATE, ((void *) -1): oneDNN allocates the buffer (aligned) and frees it with the memory. */
    static final Pointer ALLOCATE = new Pointer() {
        {
            address = -1L;
        }
    };

    /** Runs a primitive on the calling thread's stream and waits for it. */
    static void execute(dnnl_primitive p, dnnl_exec_arg_t args, int count) {
        dnnl_stream s = STREAM.get();
        check(dnnl.dnnl_primitive_execute(p, s, count, args), "primitive_execute");
        check(dnnl.dnnl_stream_wait(s), "stream_wait");
    }

    /** A primitive's argument list: kinds[i] (DNNL_ARG_*) is memories[i]. */
    static dnnl_exec_arg_t args(int[] kinds, dnnl_memory... memories) {
        dnnl_exec_arg_t a = new dnnl_exec_arg_t(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            a.position(i).arg(kinds[i]).memory(memories[i]);
        }
        return a.position(0);
    }

    static void destroy(dnnl_primitive p) {
        if (p != null) {
            dnnl.dnnl_primitive_destroy(p);
        }
    }

    static void destroy(dnnl_primitive_desc pd) {
        if (pd != null) {
            dnnl.dnnl_primitive_desc_destroy(pd);
        }
    }

    static void destroy(dnnl_memory m) {
        if (m != null) {
            dnnl.dnnl_memory_destroy(m);
        }
    }
}
