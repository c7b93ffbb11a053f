# Install rules: the libraries, headers, calendar data, a CMake package and a pkg-config file.
include(CMakePackageConfigHelpers)

set(READINESS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/readiness)
# readiness_core (static) and, when built, the shared C library `readiness` (exported as
# readiness::core and readiness::c).
set(readiness_install_targets readiness_core)
if(TARGET readiness)
  list(APPEND readiness_install_targets readiness)
endif()

install(TARGETS ${readiness_install_targets} EXPORT readiness-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/readiness DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/readiness/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/readiness)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/calendars
  DESTINATION ${CMAKE_INSTALL_DATADIR}/readiness)

install(EXPORT readiness-targets NAMESPACE readiness:: DESTINATION ${READINESS_CMAKE_DIR})
export(EXPORT readiness-targets NAMESPACE readiness::
  FILE ${PROJECT_BINARY_DIR}/readiness-targets.cmake)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/readinessConfig.cmake.in
  ${PROJECT_BINARY_DIR}/readinessConfig.cmake INSTALL_DESTINATION ${READINESS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/readinessConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/readinessConfig.cmake
              ${PROJECT_BINARY_DIR}/readinessConfigVersion.cmake
  DESTINATION ${READINESS_CMAKE_DIR})

# Relocatable: the prefix is found from the .pc file's own folder.
file(RELATIVE_PATH READINESS_PC_RELATIVE_PREFIX
  ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" READINESS_PC_RELATIVE_PREFIX "${READINESS_PC_RELATIVE_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/readiness.pc.in ${PROJECT_BINARY_DIR}/readiness.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/readiness.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
