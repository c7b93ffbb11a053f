/* RDY_API marks the functions of the C ABI; everything else in libreadiness is hidden. */
#ifndef READINESS_EXPORT_H
#define READINESS_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(RDY_BUILDING_LIBRARY)
#define RDY_API __declspec(dllexport)
#else
#define RDY_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define RDY_API __attribute__((visibility("default")))
#else
#define RDY_API
#endif

#endif
