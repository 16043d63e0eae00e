# lit configuration for zkevmc's FileCheck tests.
import os
import lit.formats

config.name = "zkevmc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.zkevmc_obj_root, "test", "lit")

# Our tools first, then FileCheck, not and split-file from LLVM 19.
config.environment["PATH"] = os.pathsep.join(
    [config.zkevmc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%examples", os.path.join(config.zkevmc_src_root, "examples")))
