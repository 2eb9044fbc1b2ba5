// types.c: the type descriptors the runtime itself needs, laid out as codegen lays out
// its own (rt.h's RtType): string and int for boxing values in run-time panics, and
// runtime.errorString, the dynamic type of run-time error values (a string whose text
// already starts with "runtime error: ", printed as is by panics and by fmt).
//
// Invariant: descriptors are unique per type, so type identity is pointer equality;
// codegen must therefore refer to these globals (not emit copies) for string and int.
#include "rtint.h"

static const uint8_t string_gcdata[] = {0x01}; // word 0 (the byte pointer) is a pointer

const RtType rt_type_string = {
	.size = 16, .ptrdata = 8, .kind = RT_KIND_STRING, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = string_gcdata, .name = "string",
};

const RtType rt_type_int = {
	.size = 8, .ptrdata = 0, .kind = RT_KIND_INT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = NULL, .name = "int",
};

const RtType rt_type_error_string = {
	.size = 16, .ptrdata = 8, .kind = RT_KIND_STRING, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = string_gcdata, .name = "runtime.errorString",
};
