/**
 * The certification scanner: one streaming pass over an image's blobs and layers ({@code ImagePass}) collects
 * immutable facts ({@code facts}), one class per check judges them ({@code checks}), and the report types it builds
 * ({@code report}, open to other modules); the OSV advisories indexed by ecosystem and package name
 * ({@code advisories}, open to other modules), which step 2 and the re-certification of live offers match
 * inventories against. Plain Java: no Spring, no Camunda (the module annotations are metadata for the module check).
 */
package com.offerflow.scanner;
