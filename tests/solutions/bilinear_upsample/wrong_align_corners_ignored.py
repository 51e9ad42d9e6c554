# wrong(bilinear_upsample): align_corners=False computed with the align_corners=True mapping
from correct_einsum import bilinear_upsample as _upsample


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    return _upsample(x, scale_factor, align_corners=True)
