package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.global.dnnl;

import java.util.Arrays;

/**
 * A oneDNN primitive with its arguments and a scratchpad of its own. oneDNN's default
 * ("library") scratchpad is a buffer of the thread that made the primitive, looked up on the
 * thread that runs it: a weight gradient made on one thread and run on another (the trainer's
 * worker threads come and go; the app runs the models on its views' thread between training
 * iterations) wrote through a null pointer. With its own scratchpad, a primitive runs on any
 * thread; it costs the scratchpad's size (often nothing) per primitive.
 */
final class DnnlStep implements AutoCloseable {
    private dnnl_primitive primitive;
    private dnnl_memory scratchpad;
    private final dnnl_exec_arg_t args;
    private final int count;

    /** The primitive of {@code pd} (made with {@link Dnnl}'s descriptors), kinds[i] (DNNL_ARG_*) being memories[i]. */
    DnnlStep(dnnl_primitive_desc pd, String what, int[] kinds, dnnl_memory... memories) {
        dnnl_memory_desc_t md = dnnl.dnnl_primitive_desc_query_md(pd, dnnl.dnnl_query_scratchpad_md, 0);
        boolean needsScratchpad = md != null && !md.isNull() && dnnl.dnnl_memory_desc_get_size(md) > 0;
        this.primitive = Dnnl.primitive(pd, what);
        int[] allKinds = kinds;
        dnnl_memory[] all = memories;
        if (needsScratchpad) {
            scratchpad = Dnnl.memory(md, Dnnl.ALLOCATE);
            allKinds = Arrays.copyOf(kinds, kinds.length + 1);
            allKinds[kinds.length] = dnnl.DNNL_ARG_SCRATCHPAD;
            all = Arrays.copyOf(memories, memories.length + 1);
            all[memories.length] = scratchpad;
        }
        this.args = Dnnl.args(allKinds, all);
        this.count = allKinds.length;
    }

    /** Runs on the calling thread's stream (the memories pointed at this call's arrays by the caller). */
    void run() {
        Dnnl.execute(primitive, args, count);
    }

    @Override
    public void close() {
        Dnnl.destroy(primitive);
        Dnnl.destroy(scratchpad);
        primitive = null;
        scratchpad = null;
    }
}
