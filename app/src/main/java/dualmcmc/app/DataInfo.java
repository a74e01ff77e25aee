package dualmcmc.app;

import java.util.List;

/**
 * What views know of the loaded data set, as plain arrays: a subset of the points (2-D, model
 * units) with square plot bounds, or a few images.
 */
public record DataInfo(String name, int size, boolean image, int channels, int height, int width,
                       double[][] points, double[] bounds, float[][] images, List<String> classNames,
                       int modes) {
    public int dim() {
        return channels * height * width;
    }

    public String describe() {
        String shape = image ? channels + "\u00d7" + height + "\u00d7" + width + " images" : dim() + "-D points";
        String m = modes > 0 ? " \u00b7 " + modes + " modes" : "";
        String c = classNames.isEmpty() || modes > 0 ? "" : " \u00b7 " + classNames.size()
                + (classNames.size() == 1 ? " class" : " classes");
        return name + " \u00b7 " + String.format("%,d", size) + " " + shape + m + c;
    }
}
